"""Contributions and the time-credit ledger

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

The ledger (creditentry) is append-only: triggers refuse UPDATE and DELETE on every engine, so a
correction can only ever be a new entry.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import bot.store.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

IMMUTABLE = "credit entries are immutable: add a correcting entry instead"


def upgrade() -> None:
    op.create_table('creditpolicy',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('overdraft_quarters', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('organisation_id')
    )
    op.create_table('creditaccount',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('balance_quarters', sa.Integer(), nullable=False),
    sa.Column('public_thanks', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('person_id')
    )
    op.create_table('contribution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('meetup_id', sa.Integer(), nullable=True),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('quarters', sa.Integer(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('confirmer_id', sa.Integer(), nullable=True),
    sa.Column('logged_by_id', sa.Integer(), nullable=False),
    sa.Column('logged_at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', bot.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.CheckConstraint('quarters > 0 AND quarters <= 96', name='ck_contribution_quarters'),
    sa.ForeignKeyConstraint(['confirmer_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.ForeignKeyConstraint(['logged_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['meetup_id'], ['meetup.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contribution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contribution_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_contribution_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contribution_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contribution_state'), ['state'], unique=False)

    op.create_table('creditentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('quarters', sa.Integer(), nullable=False),
    sa.Column('at', bot.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('contribution_id', sa.Integer(), nullable=True),
    sa.Column('counterpart_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.CheckConstraint("kind IN ('earn', 'gift_out', 'gift_in', 'spend', 'adjust')", name='ck_creditentry_kind'),
    sa.CheckConstraint('quarters <> 0', name='ck_creditentry_nonzero'),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['counterpart_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['group_id'], ['group.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contribution_id', name='uq_creditentry_contribution')
    )
    with op.batch_alter_table('creditentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_creditentry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_creditentry_person_id'), ['person_id'], unique=False)

    _create_immutability_triggers()


def _create_immutability_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION creditentry_immutable() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{IMMUTABLE}'; END $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER creditentry_immutable BEFORE UPDATE OR DELETE ON creditentry
            FOR EACH ROW EXECUTE FUNCTION creditentry_immutable()
        """)
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(f"""
            CREATE TRIGGER creditentry_no_{event.lower()} BEFORE {event} ON creditentry
            BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END
        """)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS creditentry_immutable ON creditentry")
        op.execute("DROP FUNCTION IF EXISTS creditentry_immutable()")
    else:
        op.execute("DROP TRIGGER IF EXISTS creditentry_no_update")
        op.execute("DROP TRIGGER IF EXISTS creditentry_no_delete")
    with op.batch_alter_table('creditentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_creditentry_person_id'))
        batch_op.drop_index(batch_op.f('ix_creditentry_at'))

    op.drop_table('creditentry')
    with op.batch_alter_table('contribution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contribution_state'))
        batch_op.drop_index(batch_op.f('ix_contribution_person_id'))
        batch_op.drop_index(batch_op.f('ix_contribution_group_id'))
        batch_op.drop_index(batch_op.f('ix_contribution_day'))

    op.drop_table('contribution')
    op.drop_table('creditaccount')
    op.drop_table('creditpolicy')
