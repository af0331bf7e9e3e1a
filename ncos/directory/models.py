"""The eight jurisdictions of the national scheme and how to reach each registry."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.db import models


class JurisdictionCode(models.TextChoices):
    ACT = "ACT", "Australian Capital Territory"
    NSW = "NSW", "New South Wales"
    NT = "NT", "Northern Territory"
    QLD = "QLD", "Queensland"
    SA = "SA", "South Australia"
    TAS = "TAS", "Tasmania"
    VIC = "VIC", "Victoria"
    WA = "WA", "Western Australia"


class Jurisdiction(models.Model):
    """A state or territory police registry: reference data, loaded by a data migration."""

    code = models.CharField(max_length=3, primary_key=True, choices=JurisdictionCode.choices)
    name = models.CharField(max_length=60)
    time_zone = models.CharField(max_length=40)
    registry_unit = models.CharField(max_length=120)
    email = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=80, blank=True)
    phone_alternative = models.CharField(max_length=80, blank=True)
    postal_address = models.CharField(max_length=200, blank=True)
    competent_authority = models.CharField(max_length=120, blank=True)
    travel_contact_threshold = models.CharField(max_length=60, blank=True)
    travel_contact_deadline = models.CharField(max_length=60, blank=True)
    travel_contact_phone = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)
