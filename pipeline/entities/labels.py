"""Which of the seven labels a span gets: GiNZA's ENE labels mapped, and head words that relabel.

``ENE_MAP`` is one table, as in ginza's ``ene_ontonotes_mapper``, with a decision for every
dropped label (``DROPPED``).

ja_ginza's NER predicts labels of Sekine's Extended Named Entity hierarchy (ENE, 189 labels in
ja_ginza 5.3). A label is either mapped (the ENE label is kept as ``subtype``) or dropped for a
stated reason. Evidence for the choices is the development split of ner-wikipedia
(``tools/eval_ner_wikipedia.py --bare --confusion``) and the domain: see the comments.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.entities.data import heads
from pipeline.parse import ParsedDoc, ParsedToken
from pipeline.schema import Entity, EntityLabel

__all__ = ["DROPPED", "ENE_MAP", "head_after", "label_by_head", "map_ene_entities"]

P, O, L, F, E, D, R = (  # noqa: E741 - one letter per label keeps the table readable
    EntityLabel.PERSON,
    EntityLabel.ORG,
    EntityLabel.LOCATION,
    EntityLabel.FACILITY,
    EntityLabel.EVENT,
    EntityLabel.DOCUMENT,
    EntityLabel.PRODUCT,
)

# fmt: off
ENE_MAP: dict[str, EntityLabel] = {
    # Person
    "Person": P,
    # Organizations: governments, ministries, armed forces, parties, companies, bodies
    "Government": O, "Military": O, "Company": O, "Company_Group": O, "Corporation_Other": O,
    "International_Organization": O, "Political_Party": O, "Political_Organization_Other": O,
    "Organization_Other": O, "Cabinet": O, "Sports_Organization_Other": O,
    "Pro_Sports_Organization": O, "Sports_League": O, "Show_Organization": O,
    "Research_Institute": O, "Public_Institution": O, "School": O, "Newspaper": O,
    # dev split: GiNZA's Car spans are mostly makers' names (法人名 18, 製品名 7)
    "Car": O,
    # Locations: countries, regions, cities, natural places
    "Country": L, "Province": L, "City": L, "County": L, "GPE_Other": L, "Continental_Region": L,
    "Domestic_Region": L, "Region_Other": L, "Island": L, "Mountain": L,
    "River": L, "Lake": L, "Sea": L, "Bay": L, "Geological_Region_Other": L, "Water_Route": L, "Spa": L,
    # Facilities: bases, airfields, ports, buildings (ENE's GOE facilities included)
    "Facility_Other": F, "Airport": F, "Port": F, "Station": F, "Car_Stop": F, "Bridge": F,
    "Tunnel": F, "Road": F, "Railroad": F, "Museum": F, "Sports_Facility": F,
    "Worship_Place": F, "Zoo": F, "Amusement_Park": F, "GOE_Other": F,
    "Archaeological_Place_Other": F, "Tumulus": F, "Line_Other": F, "Canal": F,
    # Events: meetings, conferences, disasters, wars, incidents, competitions
    "Conference": E, "Event_Other": E, "Occasion_Other": E, "Incident_Other": E, "War": E,
    "Natural_Disaster": E, "Game": E,
    # Documents: treaties, laws, rules, plans
    "Treaty": D, "Law": D,
    # Products: equipment and weapon systems; creative works and publications too
    "Product_Other": R, "Aircraft": R, "Ship": R, "Train": R, "Spaceship": R, "Book": R,
    "Magazine": R, "Music": R, "Broadcast_Program": R, "Show": R, "Art_Other": R,
}

# Every other ENE label is dropped; the reasons, by group.
DROPPED: dict[str, str] = {
    **dict.fromkeys(
        ("Position_Vocation",),
        "a title: recorded on the PERSON it belongs to, never an entity of its own",
    ),
    **dict.fromkeys(
        ("Date", "Time", "Era", "Period_Day", "Period_Month", "Period_Time", "Period_Week",
         "Period_Year", "Periodx_Other", "Timex_Other", "Time_Top_Other", "Day_Of_Week"),
        "dates and periods belong to the dates stage",
    ),
    **dict.fromkeys(
        ("N_Animal", "N_Country", "N_Event", "N_Facility", "N_Flora", "N_Location_Other",
         "N_Natural_Object_Other", "N_Organization", "N_Person", "N_Product"),
        "N_* are counts of things (三カ国, 二国), not names",
    ),
    **dict.fromkeys(
        ("Age", "Calorie", "Frequency", "Intensity", "Measurement_Other", "Money", "Multiplication",
         "Numex_Other", "Ordinal_Number", "Percent", "Physical_Extent", "Point", "Rank", "School_Age",
         "Seismic_Intensity", "Seismic_Magnitude", "Speed", "Temperature", "Volume", "Weight",
         "Countx_Other", "Latitude_Longtitude", "Unit_Other", "Money_Form"),
        "numeric expressions are not named entities",
    ),
    **dict.fromkeys(
        ("Email", "URL", "Phone_Number", "Postal_Address", "ID_Number"),
        "identifiers and addresses are not named entities of our seven kinds",
    ),
    **dict.fromkeys(
        ("Nationality", "Ethnic_Group_Other", "National_Language", "Language_Other", "Family"),
        "groups of people and languages are not entities of our seven kinds",
    ),
    **dict.fromkeys(
        ("Doctrine_Method_Other", "Theory", "Culture", "Religion", "Academic", "Sport", "Style",
         "Movement", "Award", "Title_Other", "Character", "God", "Name_Other", "Class",
         "Offense", "Occasion_Other_Generic"),
        "abstract notions, fields, titles of honour and fictional names: no label of ours fits",
    ),
    **dict.fromkeys(
        ("Plan", "Rule_Other", "Weapon", "Vehicle_Other", "Facility_Part", "Printing_Other"),
        "mostly generic nouns in GiNZA's output (dev split: Weapon 0 of 31 spans are names, Plan 5 of"
        " 31, Facility_Part 9 of 60; in the seed Plan tags 米軍再編): the domain layer finds the"
        " real plans, rules and weapon systems",
    ),
    **dict.fromkeys(
        ("Theater", "Park", "Earthquake", "Religious_Festival", "Movie", "Location_Other"),
        "precision on the ner-wikipedia dev split under what pays for itself (Theater 0.12, Park 0.11,"
        " Earthquake 0.20, Movie 0.22, Location_Other 0.12, Religious_Festival 0.00 after the rules;"
        " dropping a set of precision p raises F1 when p < F1/2): the domain layer names the"
        " earthquakes that matter (東日本大震災)",
    ),
    **dict.fromkeys(
        ("Animal_Disease", "Animal_Part", "Amphibia", "Bird", "Fish", "Flora", "Flora_Part", "Fungus",
         "Insect", "Living_Thing_Other", "Living_Thing_Part_Other", "Mammal", "Mollusc_Arthropod",
         "Reptile", "Disease_Other", "Drug", "Dish", "Food_Other", "Clothing", "Compound", "Element",
         "Mineral", "Material", "Color_Other", "Nature_Color", "Natural_Object_Other",
         "Natural_Phenomenon_Other", "Astral_Body_Other", "Constellation", "Planet", "Space",
         "Star", "Money_Form_Other"),
        "living things, substances, food, colours, natural and astral objects: out of scope",
    ),
}
# fmt: on


def map_ene_entities(text: str, parsed: ParsedDoc) -> tuple[Entity, ...]:
    """GiNZA's ENE spans of ``parsed`` mapped through ``ENE_MAP`` alone (the baseline).

    Offsets are code points into ``text``; labels absent from ``ENE_MAP`` (ruler labels included)
    are dropped.
    """
    entities: list[Entity] = []
    for ent in parsed.entities:
        label = ENE_MAP.get(ent.label)
        if label is None:
            continue
        entities.append(
            Entity(
                id=f"e{len(entities)}",
                start=ent.start,
                end=ent.end,
                surface=text[ent.start : ent.end],
                label=label,
                subtype=ent.label,
            )
        )
    return tuple(entities)


def label_by_head(surface: str, label: EntityLabel) -> EntityLabel:
    """The label the last word of a span asks for (``heads.tsv``), else ``label``.

    Japanese names are right-headed: ギブソン・ギター・コーポレーション is a company whatever the
    model thought, 熊本城 a facility, FIFAワールドカップ an event. One-character heads need two
    characters before them (香港 and 宮城 are no port and no castle).
    """
    for head, head_label in heads():
        if surface.endswith(head) and len(surface) >= len(head) + (2 if len(head) == 1 else 1):
            return EntityLabel(head_label)
    return label


def head_after(text: str, tokens: Sequence[ParsedToken], k: int) -> tuple[int, str] | None:
    """(end, label) when token ``k`` is a head word of ``heads.tsv`` (駅, 空港, 高校...)."""
    if k >= len(tokens) or not tokens[k].tag.startswith(("名詞", "接尾辞")):
        return None
    word = text[tokens[k].start : tokens[k].end]
    for head, label in heads():
        if word == head:
            return tokens[k].end, label
    return None
