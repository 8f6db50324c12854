"""python manage.py evaluate_claims FILE.csv [--split tune|heldout|all] [--seed 13] [--limit N]

CSV with columns `post` and `normalized claim` (CheckThat! claim normalisation). For each post,
the extraction's top claim (claims.extraction.selection.top_claim: the best stored claim, else the
best recoverable candidate) is compared with the fact-checker's claim by token-level F1, next to a
lead-sentence baseline. The split is by claim, drawn with --seed (all posts of a claim fall on the
same side; the same split as `build_matching_eval` with the same seed and share), so rules tuned on
`tune` are measured on claims they never saw. The last line is `f1=0.xxx baseline=0.xxx` for the
selected split; with `--split all` the tune and held-out figures are printed before it."""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.evaluation.scoring import token_f1, tokens
from claims.extraction import extract_texts
from claims.extraction.checkworthiness import configured_scorer, load_scorer
from claims.extraction.selection import top_claim

_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def lead_sentence(post: str) -> str:
    for sentence in _SENTENCE.split(post.strip()):
        if len(tokens(sentence)) >= 3:
            return sentence.strip()
    return post.strip()


def heldout_claims(claims: list[str], *, seed: int, share: float) -> set[str]:
    """The claims held out: each distinct claim (by its sha1, in sorted order) with probability `share`
    under `random.Random(seed)`, as build_matching_eval draws them."""
    ids = {claim: hashlib.sha1(claim.encode()).hexdigest()[:12] for claim in claims}
    rng = random.Random(seed)
    held = {doc for doc in sorted(set(ids.values())) if rng.random() < share}
    return {claim for claim, doc in ids.items() if doc in held}


class Command(BaseCommand):
    help = "Token-level F1 of the top extracted claim against fact-checkers' normalised claims."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV with columns post, normalized claim")
        parser.add_argument("--limit", type=int, default=0, help="only the first N rows")
        parser.add_argument("--language", default="fr", help="language of the posts (default: fr; '' detects)")
        parser.add_argument("--model", default="", help="check-worthiness model (default: configured, else rules)")
        parser.add_argument("--show", type=int, default=0, help="print this many examples")
        parser.add_argument("--split", default="all", choices=("all", "tune", "heldout"),
                            help="posts whose claim is in the tune or held-out split (default: all)")
        parser.add_argument("--seed", type=int, default=13, help="seed of the split (default: 13)")
        parser.add_argument("--heldout", type=float, default=0.3, help="share of claims held out (default: 0.3)")
        parser.add_argument("--dump", default="", help="write post, gold, top claim and F1 per row to this JSONL")

    def handle(self, *args: Any, **options: Any) -> None:
        csv.field_size_limit(sys.maxsize)
        try:
            with open(options["file"], encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or not {"post", "normalized claim"} <= set(reader.fieldnames):
                    raise CommandError("the CSV needs the columns 'post' and 'normalized claim'")
                rows = [(r["post"] or "", " ".join((r["normalized claim"] or "").split())) for r in reader]
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        held = heldout_claims([gold for _, gold in rows if gold], seed=options["seed"], share=options["heldout"])
        sides = ["heldout" if gold in held else "tune" for _, gold in rows]
        if options["split"] != "all":
            rows = [row for row, side in zip(rows, sides, strict=True) if side == options["split"]]
            sides = [options["split"]] * len(rows)
        if options["limit"]:
            rows, sides = rows[: options["limit"]], sides[: options["limit"]]
        if not rows:
            raise CommandError("no rows to evaluate")
        scorer = load_scorer(options["model"]) if options["model"] else configured_scorer()
        started = time.monotonic()
        extractions = extract_texts([post for post, _ in rows], languages=[options["language"]] * len(rows),
                                    scorer=scorer)
        elapsed = time.monotonic() - started
        ours, baseline, empty, dumped = [], [], 0, []
        for index, ((post, gold), extraction) in enumerate(zip(rows, extractions, strict=True)):
            lead = lead_sentence(post)
            best = top_claim(extraction)
            if best is not None:
                top = best.text
            else:
                empty += 1
                top = lead  # nothing checkable found: fall back to what a person would read first
            ours.append(token_f1(top, gold))
            baseline.append(token_f1(lead, gold))
            if index < options["show"]:
                self.stdout.write(f"gold:     {gold}\nextracted: {top}\nlead:     {lead}\n")
            if options["dump"]:
                dumped.append({"split": sides[index], "post": post, "gold": gold, "top": top, "f1": ours[-1],
                               "stored": best in extraction.claims if best is not None else False,
                               "lead": lead, "lead_f1": baseline[-1]})
        if options["dump"]:
            with open(options["dump"], "w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in dumped)
        n = len(rows)
        f1, base = sum(ours) / n, sum(baseline) / n
        self.stdout.write(f"posts: {n} ({empty} without any claim or candidate), {n / elapsed:.1f} posts/s")
        if options["split"] == "all":
            for side in ("tune", "heldout"):
                picked = [i for i, s in enumerate(sides) if s == side]
                if picked:
                    self.stdout.write(f"{side}: posts={len(picked)} f1={sum(ours[i] for i in picked) / len(picked):.3f} "
                                      f"baseline={sum(baseline[i] for i in picked) / len(picked):.3f}")
        self.stdout.write(f"top extracted claim token F1: {f1:.3f}")
        self.stdout.write(f"lead-sentence baseline F1:    {base:.3f}")
        self.stdout.write(f"f1={f1:.3f} baseline={base:.3f}")
