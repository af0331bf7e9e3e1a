"""The approved reporting places known from the legislation folder (see ncos.compliance.places)."""

from django.db import migrations

from ncos.compliance.places import PLACES, upsert_reporting_places


def forwards(apps, schema_editor):
    upsert_reporting_places(
        apps.get_model("directory", "Jurisdiction"), apps.get_model("compliance", "ReportingPlace")
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
