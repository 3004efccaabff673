"""Trust: update claims that survive a crash, and erasure that may blank a ledger note

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22

- processedupdate: who is handling an update, whether it finished, and whether it changed anything
  (bot/services/updates.py), so an update interrupted by a crash is retried instead of lost.
- creditentry stays append-only, with one exception for the right to erasure (/forgetme): an UPDATE that
  only blanks the free-text note. Amounts, people, kinds and dates still can't change, so totals can't.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types  # noqa: F401

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

IMMUTABLE = "credit entries are immutable: add a correcting entry instead"
KEPT = ("id", "person_id", "kind", "quarters", "at", "group_id", "contribution_id", "counterpart_id", "actor_id")


def upgrade() -> None:
    with op.batch_alter_table('processedupdate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('handler', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('finished', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('wrote', sa.Boolean(), nullable=False, server_default=sa.false()))
    _ledger_triggers(allow_redaction=True)


def downgrade() -> None:
    _ledger_triggers(allow_redaction=False)
    with op.batch_alter_table('processedupdate', schema=None) as batch_op:
        batch_op.drop_column('wrote')
        batch_op.drop_column('finished')
        batch_op.drop_column('handler')


def _ledger_triggers(*, allow_redaction: bool) -> None:
    """Refuse every UPDATE and DELETE on creditentry, except (when allowed) blanking the note alone."""
    if op.get_bind().dialect.name == "postgresql":
        redaction = ("IF TG_OP = 'UPDATE' AND NEW.note = '' AND (to_jsonb(NEW) - 'note') = (to_jsonb(OLD) - 'note') "
                     "THEN RETURN NEW; END IF;" if allow_redaction else "")
        op.execute(f"""
            CREATE OR REPLACE FUNCTION creditentry_immutable() RETURNS trigger AS $$
            BEGIN {redaction} RAISE EXCEPTION '{IMMUTABLE}'; END $$ LANGUAGE plpgsql
        """)
        return
    op.execute("DROP TRIGGER IF EXISTS creditentry_no_update")
    unchanged = " AND ".join(f'NEW."{column}" IS OLD."{column}"' for column in KEPT)
    when = f"WHEN NOT (NEW.note = '' AND {unchanged})" if allow_redaction else ""
    op.execute(f"""
        CREATE TRIGGER creditentry_no_update BEFORE UPDATE ON creditentry {when}
        BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END
    """)
