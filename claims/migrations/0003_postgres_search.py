"""PostgreSQL-only search machinery: pg_trgm and GIN indexes for full-text and trigram matching.

SQLite has none of this; the portable fallback in claims.search works without indexes.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # Full-text: one expression per language configuration, chosen by the row's language.
    "CREATE INDEX IF NOT EXISTS prior_fts_idx ON claims_priorfactcheck USING gin "
    "(to_tsvector(CASE WHEN language = 'fr' THEN 'french'::regconfig "
    "WHEN language = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, claim_reviewed))",
    "CREATE INDEX IF NOT EXISTS prior_trgm_idx ON claims_priorfactcheck USING gin (claim_reviewed gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS passage_fts_idx ON claims_librarypassage USING gin "
    "(to_tsvector(CASE WHEN language = 'fr' THEN 'french'::regconfig "
    "WHEN language = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END, text))",
    "CREATE INDEX IF NOT EXISTS passage_trgm_idx ON claims_librarypassage USING gin (text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS claim_fts_idx ON claims_claim USING gin (to_tsvector('simple'::regconfig, text))",
    "CREATE INDEX IF NOT EXISTS verdict_summary_trgm_idx ON claims_verdict USING gin (summary gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS prior_fts_idx",
    "DROP INDEX IF EXISTS prior_trgm_idx",
    "DROP INDEX IF EXISTS passage_fts_idx",
    "DROP INDEX IF EXISTS passage_trgm_idx",
    "DROP INDEX IF EXISTS claim_fts_idx",
    "DROP INDEX IF EXISTS verdict_summary_trgm_idx",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_default_ratings_and_groups")]
    operations = [migrations.RunPython(forward, backward)]
