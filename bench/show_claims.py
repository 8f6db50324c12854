"""Print the claims extraction would store for a few articles, and corpus-wide selection figures.

    .venv/bin/python bench/show_claims.py --corpus ../shared/data/news-fr/orangesum-1000.jsonl \\
        --ids 10027,1083 --seed ../shared/data/seed/article-fr.txt
    .venv/bin/python bench/show_claims.py --corpus ../shared/data/news-fr/orangesum-1000.jsonl --stats

It only uses `extract_texts` with the configured threshold (what `_persist` stores), so the same file
copied into an older checkout prints that checkout's claims: that is how the before/after tables in
the issue notes are made (`git archive <commit> | tar -x -C /tmp/before`, copy this file into
/tmp/before/bench/, run it there). `--stats` ends with one line of name=value figures: the stored
share of sentences (sentences counted by a plain punctuation rule, the same for every version) and
the number of articles with a figure that keep no claim.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django  # noqa: E402

_SENTENCE_END = re.compile(r"[.!?…](?:[\"»”)]*)(?=\s+|[A-ZÀ-Þ\"«]|$)")
# A figure: a number that is not a year, a clock time or a day of the month before a month name.
_FIGURE = re.compile(
    r"(?<![\d:h])\d+(?:[.,]\d+)?(?!\s*(?:h\b|heures?\b|:\d|janvier|février|mars|avril|mai|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre|er\b))"
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def sentence_count(text: str) -> int:
    count = 0
    for para in re.split(r"\n\s*\n|\n", text):
        words = para.split()
        if len(words) < 4:
            continue
        count += max(1, len(_SENTENCE_END.findall(para)))
    return count


def has_figure(text: str) -> bool:
    return any(not _YEAR.match(m.group(0)) for m in _FIGURE.finditer(text))


def load(corpus: str) -> list[dict]:
    with open(corpus, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def extract(rows: list[dict]):  # type: ignore[no-untyped-def]
    from django.conf import settings

    from claims.extraction import extract_texts
    from claims.extraction.checkworthiness import configured_scorer

    published = [dt.date.fromisoformat(r["published_at"][:10]) if r.get("published_at") else None for r in rows]
    return extract_texts([r["text"] for r in rows], languages=[r.get("language", "fr") for r in rows],
                         scorer=configured_scorer(), min_score=settings.FACTCHECK_MIN_CHECKWORTHINESS,
                         published=published, titles=[r.get("title") or "" for r in rows])


# How a quantity's qualifier is printed: "plus de 95%" is >95.0 %, "près de 40 tonnes" ~40.0 tonnes.
_BOUND = {"more_than": ">", "less_than": "<", "at_least": ">=", "at_most": "<="}


def show(rows: list[dict]) -> None:
    for row, extraction in zip(rows, extract(rows), strict=True):
        print(f"## {row.get('id', '?')}: {row.get('title', '')}  ({len(extraction.claims)} claims, "
              f"{sentence_count(row['text'])} sentences)")
        ranked = sorted(extraction.claims, key=lambda c: -c.checkworthiness)
        for rank, c in enumerate(ranked, 1):
            quantities = "; ".join(
                f"{q['text']!r}={_BOUND.get(q.get('qualifier') or '', '')}{q.get('value')} {q.get('unit', '')}".strip()
                + (f" [{q['low']}-{q['high']}]" if q.get("low") is not None and q.get("high") is not None else "")
                + (f" per {q['per']}" if q.get("per") else "")  # "un ministre sur sept": 1 per 7
                + (" ~" if q.get("approx") else "")
                for q in c.quantities)
            # a range or a list of dates ("de 1989 à 2001", "les 20 et 27 novembre") prints all its values
            dates = "; ".join(f"{d['text']!r}={', '.join(d.get('values') or [d.get('value') or '?'])}" for d in c.dates)
            outlet = getattr(c, "outlet", "")
            print(f"{rank}. [{c.checkworthiness:.2f}] text: {c.text}")
            if c.quote != c.text:
                print(f"   quote: {' '.join(c.quote.split())}")
            print(f"   reasons: {', '.join(c.checkworthiness_reasons)}")
            print(f"   claimant: {c.claimant or '-'}" + (f"  outlet: {outlet}" if outlet else "")
                  + ("  (needs context)" if getattr(c, "needs_context", False) else ""))
            print(f"   quantities: {quantities or '-'}   dates: {dates or '-'}")
        print()


def stats(rows: list[dict]) -> None:
    stored = sentences = figure_articles = figure_empty = 0
    shares = []
    for row, extraction in zip(rows, extract(rows), strict=True):
        n = sentence_count(row["text"])
        k = len(extraction.claims)
        stored += k
        sentences += n
        if n:
            shares.append(k / n)
        if has_figure(row["text"]):
            figure_articles += 1
            if not extraction.claims:
                figure_empty += 1
    per_article = stored / max(1, len(rows))
    over = sum(1 for s in shares if s > 0.4)
    print(f"articles={len(rows)} sentences={sentences} stored={stored} stored_share={stored / max(1, sentences):.3f} "
          f"claims_per_article={per_article:.2f} articles_over_40pct={over} articles_with_figure={figure_articles} "
          f"figure_articles_without_claim={figure_empty}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="JSONL with id, title, published_at, language, text")
    parser.add_argument("--ids", default="", help="comma-separated article ids to print")
    parser.add_argument("--seed", default="", help="also print this plain-text article (language fr)")
    parser.add_argument("--stats", action="store_true", help="selection figures over the whole corpus")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    setup_django()
    rows = load(args.corpus)
    if args.limit:
        rows = rows[: args.limit]
    if args.stats:
        stats(rows)
        return
    wanted = [i.strip() for i in args.ids.split(",") if i.strip()]
    by_id = {r["id"]: r for r in rows}
    chosen = [by_id[i] for i in wanted if i in by_id]
    if args.seed:
        text = Path(args.seed).read_text(encoding="utf-8")
        chosen.insert(0, {"id": "seed", "title": Path(args.seed).name, "text": text, "language": "fr"})
    show(chosen)


if __name__ == "__main__":
    main()
