from django.db import migrations

DEFAULT_SCALE = [
    # slug, French, English, value, colour, order
    ("false", "Faux", "False", 1, "#b3261e", 10),
    ("mostly-false", "Plutôt faux", "Mostly false", 2, "#d9622b", 20),
    ("half-true", "À moitié vrai", "Half true", 3, "#c99a06", 30),
    ("mostly-true", "Plutôt vrai", "Mostly true", 4, "#5f8f2f", 40),
    ("true", "Vrai", "True", 5, "#1e7b3a", 50),
    ("misleading", "Trompeur", "Misleading", None, "#7a4eab", 60),
    ("unverifiable", "Invérifiable", "Unverifiable", None, "#5c6670", 70),
]


def seed(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for slug, fr, en, value, colour, order in DEFAULT_SCALE:
        Rating.objects.update_or_create(
            slug=slug, defaults={"label_fr": fr, "label_en": en, "value": value, "colour": colour, "order": order}
        )
    Group = apps.get_model("auth", "Group")
    for name in ("reviewer", "editor"):
        Group.objects.get_or_create(name=name)


def unseed(apps, schema_editor):
    apps.get_model("claims", "Rating").objects.filter(slug__in=[row[0] for row in DEFAULT_SCALE]).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(seed, unseed)]
