"""The "Modérateurs" group: the only people who see the testimonies' moderation queue, approve or
reject, and receive the digest e-mails (numerique_ouvert.testimonies.notifications)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# NUMERIQUE_OUVERT["MODERATORS_GROUP"] by default. Literal on purpose: a migration never reads
# the project's settings (a site that renames the group creates its own, see docs/moderation.md).
GROUP = "Modérateurs"
CODENAMES = ["add_testimony", "change_testimony", "delete_testimony", "view_testimony",
             "moderate_testimony"]


def create_group(apps, schema_editor):
    # On a first `migrate`, permissions are only created after all migrations (post_migrate):
    # create this app's now, from the historical models (``apps``).
    create_permissions(global_apps.get_app_config("numerique_ouvert_testimonies"), verbosity=0,
                       apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="numerique_ouvert_testimonies",
                                   content_type__model="testimony", codename__in=CODENAMES),
        # Created by wagtailadmin's first migration, in Wagtail 7.4 as in 8.
        *Permission.objects.filter(content_type__app_label="wagtailadmin",
                                   codename="access_admin"),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("numerique_ouvert_testimonies", "0002_moderation_and_submission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ] + [
        # These give "choose" to every group that can access the admin *when they run*: after
        # them, the group has exactly its permissions, on a fresh install as on an upgrade.
        (label, name) for app, label, name in (
            ("wagtail.documents", "wagtaildocs", "0011_add_choose_permissions"),
            ("wagtail.images", "wagtailimages", "0023_add_choose_permissions"),
        ) if global_apps.is_installed(app)
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
