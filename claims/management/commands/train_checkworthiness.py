"""python manage.py train_checkworthiness [FILE.tsv] --output PATH [--dev DEV.tsv]

With a CheckThat!-format file, trains on it. Without one, trains on the newsroom's own reviewer
decisions: dismissed claims are "not worth checking", selected (and later) claims are. Writes the
model and, next to it, its provenance (PATH with .md: data, licence, figures, date, command). Set
FACTCHECK_CHECKWORTHINESS_MODEL=PATH to score with it.

With --articles LABELS.jsonl --corpus CORPUS.jsonl, learns a language's model from labelled article
candidates (article_training) and adds it to the model file at --output, the other models kept.

The model shipped in the repository is rebuilt with (README, "Check-worthiness"), in this order:
    python manage.py train_checkworthiness ../shared/data/checkworthiness-en/train.tsv \\
        --dev ../shared/data/checkworthiness-en/dev.tsv --output claims/extraction/models/checkworthiness.joblib
    python manage.py train_checkworthiness --articles claims/evaluation/checkworthiness-fr.jsonl \\
        --usable claims/evaluation/usable-fr.jsonl \\
        --corpus ../shared/data/news-fr/orangesum-1000.jsonl --output claims/extraction/models/checkworthiness.joblib
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction import training
from claims.extraction.checkworthiness import TrainedScorer
from claims.extraction.training import (
    Example,
    predict_model,
    predict_rules,
    prf,
    read_checkthat_tsv,
    save,
    sentence_signals,
    train,
)
from claims.models import Claim, ClaimStatus

POSITIVE = [ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED]
CHECKTHAT_LICENCE = "CheckThat! lab data (CLEF), research use"


class Command(BaseCommand):
    help = "Train check-worthiness models (rule signals + parse features, and words) and save them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="", help="CheckThat! TSV (default: reviewer decisions)")
        parser.add_argument("--output", required=True, help="where to save the model (joblib)")
        parser.add_argument("--dev", default="", help="a CheckThat! TSV to report figures on (not used to fit)")
        parser.add_argument("--language", default="", help="language of the sentences (default: en for a file, "
                                                           "fr for reviewer decisions)")
        parser.add_argument("--licence", default="", help="licence of the training data, for the provenance file")
        parser.add_argument("--folds", type=int, default=5, help="grouped folds for the thresholds (5)")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--articles", default="", help="labelled article candidates (JSONL, "
                                                          "claims/evaluation/README.md): add that language's model")
        parser.add_argument("--corpus", default="", help="with --articles: the JSONL articles they were labelled on")
        parser.add_argument("--usable", default="", help="with --articles: texts labelled usable as written or not "
                                                        "(JSONL, claims/evaluation/README.md): add a usability model")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["articles"]:
            self.train_articles(options)
            return
        language = options["language"]
        if options["file"]:
            try:
                examples = read_checkthat_tsv(options["file"])
            except (OSError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            language = language or "en"
            source = options["file"]
            licence = options["licence"] or CHECKTHAT_LICENCE
        else:
            language = language or "fr"
            rows = Claim.objects.filter(status__in=[*POSITIVE, ClaimStatus.DISMISSED], language=language)
            examples = [Example(str(pk), text, status != ClaimStatus.DISMISSED)
                        for pk, text, status in rows.order_by("pk").values_list("pk", "text", "status").iterator()]
            source = f"reviewer decisions ({language})"
            licence = options["licence"] or "the newsroom's own data"
        positives = sum(e.label for e in examples)
        if positives == 0 or positives == len(examples):
            raise CommandError(
                f"{source}: {len(examples)} examples, {positives} check-worthy: training needs both kinds "
                "(dismiss and select some claims first)."
            )
        self.stdout.write(f"parsing {len(examples)} examples from {source} ({positives} check-worthy)...")
        started = time.monotonic()
        signals = sentence_signals([e.text for e in examples], language)
        self.stdout.write(f"training ({options['folds']} folds held out by source)...")
        try:
            payload = train(examples, language=language, seed=options["seed"], folds=options["folds"],
                            signals=signals)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rules = payload["rules"]
        self.stdout.write("rule weights fitted on this file (log-odds; checkworthiness._RULES ships them): "
                          f"BASE={rules['base']} " + " ".join(f"{k}={v}" for k, v in rules["weights"].items()))
        dev_lines = []
        if options["dev"]:
            dev_lines = self.dev_figures(payload, options["dev"], language)
        output = Path(options["output"])
        save(payload, output)
        provenance = output.with_suffix(".md")
        provenance.write_text(self.provenance(payload, source, licence, output, dev_lines), encoding="utf-8")
        self.stdout.write(
            f"saved {output} ({output.stat().st_size / 1024:.0f} KB) and {provenance} in "
            f"{time.monotonic() - started:.0f}s. Use it with FACTCHECK_CHECKWORTHINESS_MODEL={output}"
        )

    def dev_figures(self, payload: dict[str, Any], path: str, language: str) -> list[str]:
        try:
            dev = read_checkthat_tsv(path)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        scorer = TrainedScorer(payload, "new")
        signals = sentence_signals([e.text for e in dev], language)
        gold = [e.label for e in dev]
        texts = [e.text for e in dev]
        lines = [f"`{path}` ({len(dev)} sentences, {sum(gold)} check-worthy):", ""]
        for name, predicted in (
            ("rules", predict_rules(signals)),
            ("universal (parse features only)",
             predict_model(scorer, texts, [dataclasses.replace(s, language="") for s in signals])),
            (f"trained ({language}: parse features + words)", predict_model(scorer, texts, signals)),
        ):
            s = prf(predicted, gold)
            lines.append(f"- {name}: precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}")
            self.stdout.write(f"dev {name}: f1={s.f1:.3f} precision={s.precision:.3f} recall={s.recall:.3f}")
        return lines

    def provenance(self, payload: dict[str, Any], source: str, licence: str, output: Path,
                   dev_lines: list[str]) -> str:
        language = payload["language"]

        def spread(values: list[float]) -> str:
            return f"{statistics.mean(values):.3f} ± {statistics.pstdev(values):.3f}"

        folds = payload["fold_f1"]
        command = " ".join(["python", "manage.py", "train_checkworthiness", *sys.argv[2:]]) if sys.argv[1:2] == ["train_checkworthiness"] \
            else f"python manage.py train_checkworthiness {source} --output {output}"
        return "\n".join([
            f"# {output.name}: check-worthiness model",
            "",
            f"- Trained: {payload['trained_at']} by `train_checkworthiness` (format {payload['format']}).",
            f"- Command: `{command}`",
            f"- Data: `{source}`, {payload['examples']} sentences, {payload['positives']} check-worthy, "
            f"{payload['groups']} sources (groups held out whole in the folds).",
            f"- Licence of the data: {licence}. The model holds word statistics of that data: "
            "use it under the same terms.",
            f"- Models: `universal` (rule signals + language-independent parse features; scores every language), "
            f"`{language}` (the same + word uni- and bigrams"
            + (" + the all-MiniLM-L6-v2 sentence embedding (claims.search.embed, six transformer layers); its probability "
               f"averaged with {len(training.HEAD_SEEDS)} small networks (one hidden layer of {training.HEAD_HIDDEN}) over the "
               "embedding and the signals (linear.Blend)" if payload.get("embedding")
               else "") + f"; scores {language}).",
            f"- Thresholds (on 0.5 after rescaling): universal {payload['thresholds']['universal']:.2f}, "
            f"{language} {payload['thresholds'][language]:.2f}, each chosen on held-out sources for F1 at the "
            "training positive rate and at 35%.",
            "",
            f"## Figures (positive class F1; {payload['folds']} folds of whole sources, out-of-fold)",
            "",
            f"- rules (weights refitted): {spread(payload['rules']['fold_f1'])}",
            f"- universal: {spread(folds['universal'])}",
            f"- {language}: {spread(folds[language])}",
            "",
            "## Rule weights fitted on this data (log-odds; claims/extraction/checkworthiness.py `_RULES`)",
            "",
            f"BASE {payload['rules']['base']} (decision threshold {payload['rules']['threshold']:.2f} folded in); "
            + ", ".join(f"{k} {v}" for k, v in payload["rules"]["weights"].items()) + ".",
            "",
            "`python manage.py evaluate_checkworthiness FILE --cv 5` gives the nested figure (thresholds "
            "chosen inside each training part) for the rules and both models.",
            "",
            *(["## Dev file (not used for fitting)", "", *dev_lines, ""] if dev_lines else []),
        ])

    def train_articles(self, options: dict[str, Any]) -> None:
        import joblib

        from claims.evaluation.files import read_jsonl
        from claims.extraction import article_training as at

        if not options["corpus"]:
            raise CommandError("--articles needs --corpus: the articles the labels point into")
        output = Path(options["output"])
        if not output.exists():
            raise CommandError(f"{output}: no model to add to (train the English one first, see --help)")
        try:
            labels = at.read_article_labels(options["articles"])
            usable_labels = at.read_usable_labels(options["usable"]) if options["usable"] else []
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        corpus = {str(row.get("id")): row for _, row in read_jsonl(options["corpus"]) if isinstance(row, dict)}
        language = options["language"] or "fr"
        started = time.monotonic()
        self.stdout.write(f"extracting {len(labels)} labelled articles from {options['corpus']}...")
        try:
            articles = at.labelled_articles(labels, corpus, progress=lambda done: self.stdout.write(
                f"  {done}/{len(labels)} articles", ending="\r"))
            self.stdout.write("")
            at.attach_usable(articles, usable_labels, corpus)
            leads = at.train_leads(articles, folds=options["folds"], seed=options["seed"])
            trained = at.train_language(articles, language=language, folds=options["folds"], seed=options["seed"],
                                        leads=leads)
            payload = at.add_to_payload(joblib.load(output), trained)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        lines = [f"lead: the main fact is the rule's lead in {leads['found']['rule']} of {leads['articles']} articles, "
                 f"the lead model's in {leads['found']['model']}",
                 *(figures.line(name) for name, figures in trained["top_five"].items())]
        if trained["usable"] is not None:
            usable = trained["usable"]
            lines.insert(1, f"usability: {usable['candidates']} texts labelled (U {usable['labels']['U']}, L "
                            f"{usable['labels']['L']}, N {usable['labels']['N']}); out of fold the model ranks a usable "
                            f"text above an unusable one with AUC {usable['auc']} (the needs_context flag alone "
                            f"{usable['auc_needs_context']})")
        for line in lines:
            self.stdout.write(line)
        save(payload, output)
        provenance = output.with_suffix(".md")
        text = provenance.read_text(encoding="utf-8") if provenance.exists() else ""
        heading = f"## {language}: learnt from labelled article candidates"
        text = text.split(heading)[0].rstrip("\n") + "\n\n" + self.article_provenance(
            heading, trained, options, lines, payload["articles"][language]["trained_at"])
        provenance.write_text(text, encoding="utf-8")
        self.stdout.write(f"added the {language} model to {output} and {provenance} in "
                          f"{time.monotonic() - started:.0f}s")

    def article_provenance(self, heading: str, trained: dict[str, Any], options: dict[str, Any],
                           lines: list[str], trained_at: str) -> str:
        counts = trained["labels"]
        return "\n".join([
            heading,
            "",
            f"- Trained: {trained_at} by `python manage.py train_checkworthiness --articles {options['articles']} "
            + (f"--usable {options['usable']} " if options["usable"] else "")
            + f"--corpus {options['corpus']} --output {options['output']}`.",
            f"- Data: {trained['articles']} articles, {trained['candidates']} candidates labelled "
            f"(Y {counts['Y']}, B {counts['B']}, N {counts['N']}; Y is the positive class). Labels: "
            "claims/evaluation/README.md; articles: OrangeSum, CC BY-SA 4.0 (claims/evaluation/LICENSE-orangesum.txt).",
            "- Lead model (claims/extraction/leads.py): which of an article's first statements is its news, learnt "
            "from the labelled main facts; its out-of-fold picks are the leads the scorer below learnt from.",
            *(["- Usability model (claims/extraction/usability.py): whether a text is usable as written (or after a "
               "one-second edit), learnt from the texts labelled in " + options["usable"] + "; past an article's first "
               "claims, selection.select keeps none it rates below selection.MIN_USABLE."] if trained["usable"] else []),
            "- Model: the universal model's features (rule signals and parse features) and the rule score's log-odds "
            "(logistic regression; it learns corrections to the rules). Threshold "
            f"{trained['threshold']:.3f} on the probability: as many candidates above 0.5 as the rules put there "
            f"({trained['stored_share']:.1%}).",
            "",
            f"Figures on {trained['folds']} folds of whole articles (out-of-fold leads and scores, each article's short "
            "list made by selection.select, its five best read; rules: the rule's leads and scores; usability: with the "
            "usability model's out-of-fold probabilities):",
            "",
            *[f"- {line}" for line in lines],
            "",
        ])
