"""Let Wagtail's "Editors" and "Moderators" groups, where they exist, see the positions (CSV
export) and delete abusive ones. Groups are looked up, never created: a site without them
grants the permissions itself."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
CODENAMES = ("view_parcoursposition", "delete_parcoursposition")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after every migration has run (post_migrate): create
    # this app's now, so that they can be granted here.
    app_config = apps.get_app_config("numerique_ouvert_parcours_map")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(
        content_type__app_label="numerique_ouvert_parcours_map", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="numerique_ouvert_parcours_map", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("numerique_ouvert_parcours_map", "0001_initial"),
        # The groups come from Wagtail's migrations; the permission tables from auth's.
        ("wagtailcore", "0094_alter_page_locale"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
