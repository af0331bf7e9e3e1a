import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchKey",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "kind",
                        "value",
                        "person",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("kind", models.CharField(max_length=2)),
                ("value", models.CharField(max_length=120)),
                ("label", models.CharField(blank=True, max_length=20)),
                ("current", models.BooleanField(default=True)),
                (
                    "person",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="registry.person",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["person", "kind"],
                        include=("value", "label", "current"),
                        name="search_key_person_names",
                    )
                ],
            },
        ),
    ]
