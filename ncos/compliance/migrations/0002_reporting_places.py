"""The approved reporting places known from the legislation folder: the ACT Policing notice of
reporting obligations names Belconnen Police Station (ACT s 64). Others are added by registries."""

from django.db import migrations

PLACES = [
    {
        "jurisdiction_id": "ACT",
        "name": "Belconnen Police Station",
        "address": "Corner Benjamin Way and College Street, Belconnen ACT",
        "basis": "ACT s 64: named in the notice of reporting obligations (by appointment)",
    },
]


def forwards(apps, schema_editor):
    Jurisdiction = apps.get_model("directory", "Jurisdiction")
    ReportingPlace = apps.get_model("compliance", "ReportingPlace")
    for place in PLACES:
        if Jurisdiction.objects.filter(code=place["jurisdiction_id"]).exists():
            ReportingPlace.objects.get_or_create(
                jurisdiction_id=place["jurisdiction_id"], name=place["name"], defaults=place
            )


def backwards(apps, schema_editor):
    ReportingPlace = apps.get_model("compliance", "ReportingPlace")
    for place in PLACES:
        ReportingPlace.objects.filter(
            jurisdiction_id=place["jurisdiction_id"], name=place["name"], reports__isnull=True
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0001_initial"),
        ("directory", "0002_load_jurisdictions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
