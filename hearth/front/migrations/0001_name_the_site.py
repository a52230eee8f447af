from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def name_the_site(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Emails say "Hearth", not Django's placeholder "example.com"."""
    site_model = apps.get_model("sites", "Site")
    site_model.objects.update_or_create(
        pk=1, defaults={"domain": "localhost:8000", "name": "Hearth"}
    )


class Migration(migrations.Migration):
    dependencies = [("sites", "0002_alter_domain_unique")]
    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
