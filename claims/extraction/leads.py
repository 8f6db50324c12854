"""Which statement is an article's lead, the news it reports, learnt from labelled articles.

The rule (lead_choice._mark_lead: the statement that echoes the title, else the first that tells what
happened) found the annotated main fact of 306 of 759 labelled articles; a logistic regression over a
few facts about each of the first WINDOW statements (its place, how much of the title it echoes, its
length, whether it asks, forecasts, quotes or names a speaker, its rule score, and the rule's own pick)
finds it in 419 (5 folds of whole articles, claims/evaluation/checkworthiness-fr.jsonl). The model
ships in the check-worthiness model file beside the language's scorer (article_training.train_leads);
without one, the rule marks the lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claims.extraction import titles as tt
from claims.extraction.checkworthiness import Signals, rule_logit

# The statements a lead is looked for among: the main fact comes later than the sixth in under 10% of the
# labelled articles.
WINDOW = 6
# The least log-odds (class-balanced, as fitted) of the statement picked: below it no statement is the lead.
MIN_DECISION = 0.0


def lead_features(body: Sequence[Any], title: frozenset[str], rule_pick: int | None) -> list[dict[str, float]]:
    """What the lead model reads of each of the first WINDOW statements of an article (candidates in article
    order, with their signals), given the title's stems (titles.title_stems) and the rule's pick."""
    echoes = [tt.echo(c.text, title) for c in body[:WINDOW]]
    best = max(echoes, default=0)
    rows = []
    for k, cand in enumerate(body[:WINDOW]):
        s = cand.signals or Signals()
        rows.append({
            f"place={k}": 1.0,
            "echo": float(echoes[k]),
            "echo_share": echoes[k] / max(1, len(title)),
            "echo_best": float(echoes[k] == best and best > 0),
            "rule_pick": float(k == rule_pick),
            "rule_logodds": rule_logit(s)[0] / 4,
            "words": min(s.words, 60) / 60,
            "question": float(s.question),
            "forecast": float(s.forecast),
            "schedule": float(s.schedule),
            "hypothetical": float(s.hypothetical),
            "first_person": float(s.first_person),
            "fragment": float(s.fragment),
            "past": float(s.past),
            "dates": float(bool(s.dates)),
            "figure": float(bool(s.quantities)),
            "entities": min(s.entities, 4) / 4,
            "needs_context": float(bool(cand.needs_context)),
            "quoted": float('"' in cand.quote or "«" in cand.quote),
            "speaker": float(bool(cand.claimant)),
        })
    return rows


def pick(model: Any, body: Sequence[Any], title: frozenset[str], rule_pick: int | None) -> int | None:
    """The index in `body` of the statement the model rates likeliest to be the lead, if the model rates it
    more likely a lead than not (MIN_DECISION: a text of one schedule, forecast or question has no lead)."""
    rows = lead_features(body, title, rule_pick)
    scores = [model.decision({"features": row, "text": ""}) for row in rows]
    best = max(range(len(rows)), key=lambda k: scores[k], default=None)
    return best if best is not None and scores[best] >= MIN_DECISION else None
