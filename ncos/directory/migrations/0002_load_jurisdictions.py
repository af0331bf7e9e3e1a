from django.db import migrations


def load(apps, schema_editor):
    from ncos.directory.loader import upsert_jurisdictions

    upsert_jurisdictions(apps.get_model("directory", "Jurisdiction"))


class Migration(migrations.Migration):
    """The eight jurisdictions are reference data every user and record points at."""

    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
