"""Claiming due reminders: an index on (state, send_at), so a claim is found, not sorted for

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_reminder_state_send_at', 'reminder', ['state', 'send_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_reminder_state_send_at', table_name='reminder')
