"""This database's own random key, for calendar UIDs unique to the installation

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

iCalendar UIDs were `meetup-N@criw`: the same for meet-up N of every installation, and again after a
database was rebuilt, so a phone could merge two different meet-ups. The key, made here once, goes into
every UID (bot/reports/icalendar.py), so UIDs stay the same for as long as this database lives.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        'installation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(table, [{'id': 1, 'key': secrets.token_hex(16)}])


def downgrade() -> None:
    op.drop_table('installation')
