"""The office-holder table and its lookups: holder(), titles, whole names, the table's own shape.

The dated mentions of ``tests/fixtures/office_mentions.jsonl`` (from the Diet minutes, PM speeches,
white papers and MOFA summaries of ../shared/corpora; sources in ``office_mentions.md``) keep the
table true to real text without the corpora: each keeps the verdict it had when it was drawn.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict

import pytest

from pipeline import tables
from pipeline.entities import holder
from pipeline.entities.offices import (
    canonical_full_name,
    given_name,
    holders_named,
    read_title,
    surnames,
    terms,
)
from tests.conftest import ROOT
from tools.check_office_holders import SAMPLE, check, read_mentions

D = dt.date

# holder(title, country, date): the holder of a title alone on a date (what the commitments stage asks)
HOLDERS = [
    ("防衛大臣", None, D(2011, 10, 1), "person:一川保夫"),
    ("防衛大臣", None, D(2012, 1, 13), "person:田中直紀"),  # the first day of the next term
    ("防衛庁長官", None, D(2005, 1, 1), "person:大野功統"),
    ("防衛庁長官", None, D(1998, 1, 1), "person:久間章生"),  # corrected by the Diet check
    ("米国防長官", None, D(2012, 7, 31), "person:レオン・パネッタ"),
    ("国防長官", None, D(2007, 4, 27), "person:ロバート・ゲイツ"),  # default country: the US
    ("国務長官", None, D(2006, 5, 11), "person:コンドリーザ・ライス"),
    ("外務大臣", None, D(2015, 5, 7), "person:岸田文雄"),
    ("外相", None, D(2009, 9, 30), "person:岡田克也"),
    ("ロシア外務大臣", None, D(2006, 12, 13), "person:セルゲイ・ラブロフ"),
    ("大統領", "US", D(2021, 4, 20), "person:ジョー・バイデン"),
    ("大統領", "KR", D(2018, 5, 9), "person:文在寅"),
    ("総理", None, D(2011, 5, 22), "person:菅直人"),
    ("内閣総理大臣", None, D(2021, 4, 20), "person:菅義偉"),
    ("官房長官", None, D(2009, 11, 13), "person:平野博文"),
    ("中国国家主席", None, D(2007, 9, 8), "person:胡錦濤"),
    ("国連事務総長", None, D(2010, 6, 1), "person:潘基文"),
    ("オーストラリア首相", None, D(2014, 11, 12), "person:トニー・アボット"),
    ("前総理", None, D(2010, 6, 14), "person:鳩山由紀夫"),  # 前: the previous holder
]
# no single holder: no country and no default, an office not yet existing, a title of no office
NO_HOLDER = [
    ("大統領", None, D(2012, 1, 1)),
    ("首相", "FR", D(2012, 1, 1)),
    ("防衛大臣", None, D(2003, 1, 1)),  # 防衛庁長官 then
    ("防衛庁長官", None, D(2010, 1, 1)),  # 防衛省 since 2007-01-09
    ("議員", None, D(2015, 1, 1)),
    ("委員長", None, D(2015, 1, 1)),  # a Diet committee's chair is no office of the table
    ("副大臣", None, D(2015, 1, 1)),
    ("元総理", None, D(2022, 5, 1)),  # any former PM: many
]


@pytest.mark.parametrize(("title", "country", "day", "expected"), HOLDERS)
def test_entities_holder_of_a_title_on_a_date(title, country, day, expected) -> None:
    assert holder(title, country, day) == expected


@pytest.mark.parametrize(("title", "country", "day"), NO_HOLDER)
def test_entities_no_holder_when_the_table_cannot_say(title, country, day) -> None:
    assert holder(title, country, day) is None


# a surname with a title, on a date -> the one holder the table knows
NAMED = [
    ("一川", "防衛大臣", D(2011, 12, 1), {"一川保夫"}),
    ("一川", "防衛大臣", D(2012, 7, 31), {"一川保夫"}),  # a white paper on last year's meeting
    ("麻生", "国務大臣", D(2006, 12, 13), {"麻生太郎"}),  # ○麻生国務大臣: the FM then
    ("李", "中国外交部長", D(2006, 12, 13), {"李肇星"}),
    ("李", "大統領", D(2010, 1, 1), {"李明博"}),
    ("温", "総理", D(2011, 5, 22), {"温家宝"}),
    ("金", "委員長", D(2018, 5, 1), {"金正恩"}),
    ("ゲーツ", "国防長官", D(2007, 4, 27), {"ロバート・ゲイツ"}),
    ("ブッシュ", "大統領", D(2006, 5, 11), {"ジョージ・W・ブッシュ"}),
    ("ブッシュ", "大統領", D(1991, 5, 1), {"ジョージ・H・W・ブッシュ"}),
    ("クリントン", "国務長官", D(2011, 6, 21), {"ヒラリー・クリントン"}),
    ("クリントン", "大統領", D(1996, 4, 17), {"ビル・クリントン"}),
    ("アイゼンハワー", "元米大統領", D(2020, 7, 14), {"ドワイト・D・アイゼンハワー"}),
    ("石破", "元防衛大臣", D(2010, 3, 1), {"石破茂"}),
    ("宋", "韓国次期外交通商部長官", D(2006, 12, 13), {"宋旻淳"}),
    ("ジョンストン", "国防大臣", D(2014, 5, 13), {"デイビッド・ジョンストン"}),
    ("王", "国務委員兼外交部長", D(2019, 6, 1), {"王毅"}),  # posts held together
    ("羽田", "副総理・外務大臣", D(1994, 1, 10), {"羽田孜"}),
]
NOT_NAMED = [
    ("林", "農林水産大臣", D(2014, 5, 13)),  # a namesake of the later FM, in an office of no row
    ("茂木", "経済産業大臣", D(2014, 5, 13)),
    ("河野", "統合幕僚長", D(2018, 1, 1)),  # 河野克俊, not the FM 河野太郎
    ("菅", "元総理", D(2022, 5, 1)),  # 菅直人 or 菅義偉
    ("ブッシュ", "大統領", None),  # no date
    ("ジョンソン", "大統領", D(2014, 5, 13)),  # no President Johnson in 2014
    ("岸", "外務大臣", D(2015, 1, 1)),  # 岸 is no prefix of 岸田
]


@pytest.mark.parametrize(("name", "title", "day", "expected"), NAMED)
def test_entities_holders_named(name, title, day, expected) -> None:
    assert holders_named(name, read_title(title), day) == expected


@pytest.mark.parametrize(("name", "title", "day"), NOT_NAMED)
def test_entities_holders_not_named(name, title, day) -> None:
    read = read_title(title)
    assert read is None or len(holders_named(name, read, day)) != 1


WHOLE = [
    ("ロバート・ゲーツ", "ロバート・ゲイツ"),
    ("宮沢喜一", "宮澤喜一"),
    ("濱田靖一", "浜田靖一"),
    ("北沢俊美", "北澤俊美"),
    ("唐家セン", "唐家璇"),
    ("Donald J. Trump", "ドナルド・トランプ"),
    ("Tony Abbott", "トニー・アボット"),
    ("岸田　文雄", "岸田文雄"),
    ("ムン・ジェイン", "文在寅"),
]
NOT_WHOLE = ["アボット", "ブッシュ", "George Bush", "岸田", "ロバート・スミス", "田中太郎"]


@pytest.mark.parametrize(("name", "expected"), WHOLE)
def test_entities_whole_names_take_the_table_spelling(name: str, expected: str) -> None:
    assert canonical_full_name(name) == expected


@pytest.mark.parametrize("name", NOT_WHOLE)
def test_entities_surnames_and_strangers_are_no_whole_names(name: str) -> None:
    assert canonical_full_name(name) is None


def test_entities_surnames_and_given_names_of_holders() -> None:
    assert surnames("浜田靖一") == ("浜田", "濱田")
    assert given_name("安倍晋三") == "晋三"
    assert given_name("ジョージ・W・ブッシュ") == "ジョージ"


TITLES = [
    ("米国防長官", "国防長官", "US", "current"),
    ("元米大統領", "大統領", "US", "earlier"),
    ("韓国次期外交通商部長官", "外交通商部長官", "KR", "next"),
    ("ＮＡＴＯ事務総長", "事務総長", "NATO", "current"),
    ("印首相", "首相", "IN", "current"),
    ("前総理", "総理", None, "previous"),
]


@pytest.mark.parametrize(("title", "core", "country", "when"), TITLES)
def test_entities_titles_read_for_the_table(title, core, country, when) -> None:
    read = read_title(title)
    assert read is not None
    assert (read.core, read.country, read.when) == (core, country, when)


@pytest.mark.parametrize(
    "title", ["議員", "知事", "川国防部長", "防衛大臣政務官", "駐日大使", "統合幕僚長", "国務委員兼報道官"]
)
def test_entities_titles_of_no_office(title: str) -> None:
    assert read_title(title) is None


def test_entities_title_qualifier_moves_the_time() -> None:
    read = read_title("防衛大臣", "当時")
    assert read is not None and read.when == "earlier"


# -- the table itself ------------------------------------------------------------------------------

# kanji without spaces; katakana joined with ・ (initials, ＝, a regnal 3世 allowed); a kanji name with a
# katakana stand-in for a rare character does not occur as a holder (唐家セン is a form of 唐家璇)
HOLDER_SPELLING = re.compile(r"^(?:[\u3400-\u9fff々ヶ]+|[ァ-ヶー・＝A-Z]+(?:[0-9]世)?)$")


def test_entities_office_table_says_it_was_compiled_not_fetched() -> None:
    header = tables.read_text("entities/office_holders.tsv").split("\noffice\t", 1)[0]
    assert "COMPILED, NOT FETCHED" in header


def test_entities_office_table_rows_are_well_formed() -> None:
    rows = tables.rows("entities/office_holders.tsv")
    assert len(rows) >= 300
    for row in rows:
        assert row["source"].startswith(("http://", "https://")), row
        assert dt.date.fromisoformat(row["compiled"])
        assert row["forms"] and " " not in row["holder"], row
        assert HOLDER_SPELLING.match(row["holder"]), row["holder"]
    for term in terms():
        assert term.end is None or term.start < term.end, term


def test_entities_office_terms_do_not_overlap() -> None:
    by_office = defaultdict(list)
    for term in terms():
        by_office[(term.office, term.country)].append(term)
    for office, listed in by_office.items():
        listed.sort(key=lambda t: t.start)
        for before, after in itertools.pairwise(listed):
            assert before.end is not None and before.end <= after.start, (office, before.holder, after.holder)


REQUIRED = [
    ("prime_minister", "JP"),
    ("defense_minister", "JP"),
    ("defense_agency_director_general", "JP"),
    ("foreign_minister", "JP"),
    ("chief_cabinet_secretary", "JP"),
    ("president", "US"),
    ("foreign_minister", "US"),
    ("defense_minister", "US"),
]


@pytest.mark.parametrize(("office", "country"), REQUIRED)
def test_entities_japanese_and_us_offices_are_covered_since_1990(office: str, country: str) -> None:
    listed = sorted((t for t in terms() if (t.office, t.country) == (office, country)), key=lambda t: t.start)
    first = D(1990, 1, 1) if office != "defense_minister" or country != "JP" else D(2007, 1, 9)
    last = D(2007, 1, 9) if office == "defense_agency_director_general" else D(2025, 7, 1)
    assert listed[0].start <= first
    # Japanese terms follow each other without a day's gap; US ones may leave a few weeks (acting)
    allowed = 0 if country == "JP" else 40
    for before, after in itertools.pairwise(listed):
        assert before.end is not None and (after.start - before.end).days <= allowed, (before.holder, after.holder)
    assert listed[-1].end is None or listed[-1].end >= last


def test_entities_office_mentions_keep_their_verdicts() -> None:
    pairs = read_mentions(SAMPLE)
    assert len(pairs) >= 100
    assert all(m.url.startswith(("https://", "http://")) and m.doc_id and m.date for m, _ in pairs)
    rows = check((m for m, _ in pairs), 31)
    changed = [
        (r["date"], r["name"], r["title"], r["verdict"], expected)
        for r, (_, expected) in zip(rows, pairs, strict=True)
        if r["verdict"] != expected
    ]
    assert changed == []


def test_entities_office_mentions_are_not_from_fixtures() -> None:
    fixtures = {p.stem for p in (ROOT / "tests" / "fixtures" / "gold").glob("*.json")}
    assert not {m.doc_id for m, _ in read_mentions(SAMPLE)} & fixtures
