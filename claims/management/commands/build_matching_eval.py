"""python manage.py build_matching_eval CLAIMS.csv OUTDIR : a matching evaluation from post/claim pairs.

CheckThat!-style `post,normalized claim` CSV (e.g. claims-fr/train.csv) -> OUTDIR/priors.jsonl (each
distinct normalised claim as a fact-check, in the matching JSONL format), OUTDIR/queries.tsv (each
post) and two qrels files: OUTDIR/qrels-train.tsv and OUTDIR/qrels-heldout.tsv. The split is by
claim (all posts of a claim fall on the same side), drawn with --seed, so tuning never sees a
held-out claim. Import the priors with `import_matching_jsonl OUTDIR/priors.jsonl --language fr
--url-prefix ...` and score with `evaluate_matching OUTDIR/queries.tsv OUTDIR/qrels-heldout.tsv`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Build priors.jsonl, queries.tsv and a seeded train/held-out qrels split from a post/claim CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", type=Path)
        parser.add_argument("outdir", type=Path)
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument("--heldout", type=float, default=0.3, help="share of claims held out")
        parser.add_argument("--prefix", default="fr", help="doc and query id prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with options["csv"].open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        if not rows or not {"post", "normalized claim"} <= set(rows[0]):
            raise CommandError("expected columns: post, normalized claim")
        prefix = options["prefix"]
        claims: dict[str, str] = {}
        for row in rows:
            claim = " ".join(row["normalized claim"].split())
            if claim:
                claims.setdefault(claim, f"{prefix}-{hashlib.sha1(claim.encode()).hexdigest()[:12]}")
        rng = random.Random(options["seed"])
        heldout = {doc for doc in sorted(claims.values()) if rng.random() < options["heldout"]}
        out: Path = options["outdir"]
        out.mkdir(parents=True, exist_ok=True)
        with (out / "priors.jsonl").open("w", encoding="utf-8") as handle:
            for claim, doc in claims.items():
                handle.write(json.dumps({"vclaim_id": doc, "vclaim": claim, "title": "", "subtitle": "",
                                         "author": "", "date": ""}, ensure_ascii=False) + "\n")
        counts = {"train": 0, "heldout": 0}
        with (out / "queries.tsv").open("w", encoding="utf-8") as queries, \
                (out / "qrels-train.tsv").open("w", encoding="utf-8") as train, \
                (out / "qrels-heldout.tsv").open("w", encoding="utf-8") as held:
            for number, row in enumerate(rows):
                claim = " ".join(row["normalized claim"].split())
                post = " ".join(row["post"].split())
                if not claim or not post:
                    continue
                qid = f"{prefix}-post-{number}"
                queries.write(f"{qid}\t{post}\n")
                doc = claims[claim]
                side = "heldout" if doc in heldout else "train"
                (held if side == "heldout" else train).write(f"{qid}\t0\t{doc}\t1\n")
                counts[side] += 1
        self.stdout.write(f"claims={len(claims)} heldout_claims={len(heldout)} train_queries={counts['train']} "
                          f"heldout_queries={counts['heldout']} seed={options['seed']}")
