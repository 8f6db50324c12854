"""python manage.py evaluate_matching QUERIES.tsv QRELS.tsv : MAP@5, MRR@5, recall@10 of `match/`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.search import STRONG, match_text
from claims.search.evaluation import Scores, doc_id, read_qrels, read_queries


class Command(BaseCommand):
    help = ("Rank prior fact-checks for each query of a TREC qrels file with the service GET /api/v1/match/ "
            "uses; prints MAP@5, MRR@5, recall@10, the share of queries without a result and the strong "
            "tier's precision. Doc ids are the last segment of the fact-checks' urls.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("queries", type=Path, help="id<TAB>text per line")
        parser.add_argument("qrels", type=Path, help="query_id 0 doc_id relevance per line")
        parser.add_argument("--language", default="", help="language hint passed with every query")
        parser.add_argument("--limit", type=int, default=10)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            queries = read_queries(options["queries"])
            qrels = read_qrels(options["qrels"])
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        missing = [qid for qid in qrels if qid not in queries]
        if missing:
            raise CommandError(f"{len(missing)} qrels queries have no text in {options['queries']}: {missing[:5]}")
        scores = Scores()
        started = time.perf_counter()
        for qid, gold in qrels.items():
            matches = match_text(text=queries[qid], language=options["language"], limit=options["limit"])
            ranked = [doc_id(m.url) for m in matches]
            scores.add(qid, ranked, gold, strong=[doc_id(m.url) for m in matches if m.tier == STRONG])
        elapsed = time.perf_counter() - started
        s = scores.summary()
        self.stdout.write(f"queries: {scores.queries} ({elapsed / max(scores.queries, 1) * 1000:.0f} ms each)")
        self.stdout.write(f"MAP@5 {s['map5']:.4f}  MRR@5 {s['mrr5']:.4f}  recall@10 {s['recall10']:.4f}  "
                          f"no result {s['empty']:.3f}")
        self.stdout.write(f"strong tier: {scores.strong} matches on {s['strong_share']:.3f} per query, "
                          f"precision {s['strong_precision']:.4f} (strong_precision={s['strong_precision']:.4f})")
        self.stdout.write(f"map5={s['map5']:.4f} mrr5={s['mrr5']:.4f} recall10={s['recall10']:.4f} "
                          f"empty={s['empty']:.4f}")
