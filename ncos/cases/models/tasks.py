"""Tasks: work for a case officer (or the managing jurisdiction's queue) about one person."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models

from ncos.cases.choices import OPEN_TASK_STATUSES, TaskChange, TaskKind, TaskStatus

__all__ = ["Task", "TaskEvent"]


class Task(models.Model):
    """One piece of case work with a due date.

    `assignee` null means the task sits in the queue of the person's managing jurisdiction.
    `source_key` makes opening idempotent: at most one task per (person, source_key) ever, so a
    nightly sweep that runs twice (or two sweeps at once) opens one task, not two. Mutable under
    optimistic concurrency (`version`).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="case_tasks"
    )
    kind = models.CharField(max_length=20, choices=TaskKind.choices)
    title = models.CharField(max_length=200)
    details = models.JSONField(
        default=dict, blank=True, help_text="Machine details from whoever opened it (ids, keys)."
    )
    notes = models.TextField(blank=True, max_length=4000)
    due_date = models.DateField()
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_tasks",
        help_text="Empty: the managing jurisdiction's queue.",
    )
    status = models.CharField(max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    resolution = models.CharField(max_length=500, blank=True)
    source_key = models.CharField(
        max_length=160, blank=True, help_text="Idempotency key of the opener, per person."
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty: opened by the system (a sweep or background job).",
    )
    updated_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_date", "created_at"]
        indexes = [
            models.Index(fields=["assignee", "status", "due_date"]),
            models.Index(fields=["person", "status"]),
            models.Index(fields=["status", "due_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "source_key"],
                condition=~models.Q(source_key=""),
                name="cases_task_one_per_source_key",
            )
        ]

    def __str__(self) -> str:
        return f"task {self.pk} ({self.kind})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TASK_STATUSES

    def overdue_on(self, today: date) -> bool:
        return self.is_open and self.due_date < today


class TaskEvent(models.Model):
    """One change to a task (opened, status, reassigned, due date…), never edited."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    change = models.CharField(max_length=12, choices=TaskChange.choices)
    before = models.CharField(max_length=200, blank=True)
    after = models.CharField(max_length=200, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["task", "at", "id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.change}"
