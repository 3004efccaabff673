"""The organisation's boundary: groups are admitted, and organisation coordinators are named

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

- group.admission: pending | admitted | refused. A new group waits until an organisation coordinator (or
  the operator's list) admits it. Every group already here is admitted, so nobody loses access.
- person.coordinates_organisation: the organisation this person coordinates (shared rooms, vehicles,
  budgets, every group's queue). Before this revision every group coordinator had that power, so each
  one keeps it; from now on it is granted only by another organisation coordinator or the operator.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('admission', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False,
                                      server_default='pending'))
    op.execute("UPDATE \"group\" SET admission = 'admitted'")
    with op.batch_alter_table('person', schema=None) as batch_op:  # a plain ADD COLUMN: no table rebuild
        batch_op.add_column(sa.Column('coordinates_organisation', sa.Integer(), nullable=True))
    op.execute("""
        UPDATE person SET coordinates_organisation = (
            SELECT MIN(g.organisation_id) FROM membership m JOIN "group" g ON g.id = m.group_id
            WHERE m.person_id = person.id AND m.role = 'coordinator')
    """)


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild of person or group, which other tables point at,
    # fails on SQLite's foreign keys once there are rows.
    op.drop_column('person', 'coordinates_organisation')
    op.drop_column('group', 'admission')
