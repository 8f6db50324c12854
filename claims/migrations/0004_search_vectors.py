"""PostgreSQL: stored tsvector columns for prior fact-checks and library passages.

Ranking matches with ts_rank() on 0003's expression indexes recomputed to_tsvector() for every
candidate row, which dominated matching latency at 100k rows (bench/match.py). A stored generated
column (same language-aware expression) is indexed and ranked without re-parsing the text; the
expression indexes it replaces are dropped. Not a Django field: the ORM never writes it, the
database computes it. SQLite has none of this (claims.search falls back to a bounded scan).
"""

from django.db import migrations

CONFIG = (
    "CASE WHEN language = 'fr' THEN 'french'::regconfig "
    "WHEN language = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END"
)
FORWARD = [
    f"ALTER TABLE claims_priorfactcheck ADD COLUMN IF NOT EXISTS search_vector tsvector "
    f"GENERATED ALWAYS AS (to_tsvector({CONFIG}, claim_reviewed)) STORED",
    "CREATE INDEX IF NOT EXISTS prior_search_vector_idx ON claims_priorfactcheck USING gin (search_vector)",
    "DROP INDEX IF EXISTS prior_fts_idx",
    f"ALTER TABLE claims_librarypassage ADD COLUMN IF NOT EXISTS search_vector tsvector "
    f"GENERATED ALWAYS AS (to_tsvector({CONFIG}, text)) STORED",
    "CREATE INDEX IF NOT EXISTS passage_search_vector_idx ON claims_librarypassage USING gin (search_vector)",
    "DROP INDEX IF EXISTS passage_fts_idx",
]
BACKWARD = [
    "DROP INDEX IF EXISTS prior_search_vector_idx",
    "ALTER TABLE claims_priorfactcheck DROP COLUMN IF EXISTS search_vector",
    f"CREATE INDEX IF NOT EXISTS prior_fts_idx ON claims_priorfactcheck USING gin (to_tsvector({CONFIG}, claim_reviewed))",
    "DROP INDEX IF EXISTS passage_search_vector_idx",
    "ALTER TABLE claims_librarypassage DROP COLUMN IF EXISTS search_vector",
    f"CREATE INDEX IF NOT EXISTS passage_fts_idx ON claims_librarypassage USING gin (to_tsvector({CONFIG}, text))",
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
    dependencies = [("claims", "0003_postgres_search")]
    operations = [migrations.RunPython(forward, backward)]
