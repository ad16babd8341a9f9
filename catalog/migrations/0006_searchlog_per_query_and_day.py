# The zero-result log, from one row per search to one row per (normalised query, day) with a
# count, at most TOOLKIT_SEARCH_LOG_DAILY_CAP queries a day (the rest in an "other" row).

from collections import defaultdict

from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

OTHER = ""  # the query of a day's "other searches" row (catalog.searchlog.OTHER)


def _normalise(text):
    """catalog.searchlog.normalise, frozen here (the stored text is already clean)."""
    return " ".join(text.casefold().split())[:500]


def _day_rows(day, groups, cap):
    """The rows of one day: the `cap` most frequent queries, the rest in one "other" row."""
    ranked = sorted(groups.items(), key=lambda item: (-item[1][0], item[0]))
    rows = [(query, count, last, params) for query, (count, last, params) in ranked[:cap]]
    rest = ranked[cap:]
    if rest:
        rows.append((OTHER, sum(g[0] for _, g in rest), max(g[1] for _, g in rest), ""))
    return [(day, *row) for row in rows]


def aggregate(apps, schema_editor):
    SearchLog = apps.get_model("catalog", "SearchLog")
    db = schema_editor.connection.alias
    cap = getattr(settings, "TOOLKIT_SEARCH_LOG_DAILY_CAP", 1000)
    days = defaultdict(dict)  # day -> query -> [count, last seen, params of the last]
    old = SearchLog.objects.using(db).order_by("created_at", "pk")
    for text, params, created in old.values_list("query", "params", "created_at").iterator(
        chunk_size=5000
    ):
        query = _normalise(text)
        if not query:
            continue
        group = days[timezone.localdate(created)].setdefault(query, [0, created, params])
        group[0] += 1
        group[1:] = [created, params]
    rows = [row for day, groups in days.items() for row in _day_rows(day, groups, cap)]
    SearchLog.objects.using(db).all().delete()
    SearchLog.objects.using(db).bulk_create(
        [
            SearchLog(query=query, day=day, count=count, last_seen=last, params=params)
            for day, query, count, last, params in rows
        ],
        batch_size=1000,
    )


def disaggregate(apps, schema_editor):
    """Back to one row per search, as far as it goes: one row per (query, day), counts lost."""
    SearchLog = apps.get_model("catalog", "SearchLog")
    SearchLog.objects.using(schema_editor.connection.alias).update(created_at=F("last_seen"))


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0005_license_slug_is_an_spdx_identifier'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchlog',
            name='count',
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name='searchlog',
            name='day',
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name='searchlog',
            name='last_seen',
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(aggregate, disaggregate),
        migrations.RemoveField(
            model_name='searchlog',
            name='created_at',
        ),
        migrations.AlterField(
            model_name='searchlog',
            name='day',
            field=models.DateField(),
        ),
        migrations.AlterField(
            model_name='searchlog',
            name='last_seen',
            field=models.DateTimeField(),
        ),
        migrations.AlterField(
            model_name='searchlog',
            name='params',
            field=models.CharField(blank=True, help_text='The filters of the latest one, as a query.', max_length=1000),
        ),
        migrations.AlterField(
            model_name='searchlog',
            name='query',
            field=models.CharField(blank=True, help_text='Case-folded, one space between words.', max_length=500),
        ),
        migrations.AlterModelOptions(
            name='searchlog',
            options={'ordering': ['-day', '-count', 'query'], 'verbose_name': 'zero-result search'},
        ),
        migrations.AddIndex(
            model_name='searchlog',
            index=models.Index(fields=['-day', '-count', 'query'], name='catalog_searchlog_list'),
        ),
        migrations.AddConstraint(
            model_name='searchlog',
            constraint=models.UniqueConstraint(fields=('query', 'day'), name='catalog_searchlog_query_day'),
        ),
    ]
