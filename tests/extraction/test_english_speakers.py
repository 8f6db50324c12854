"""Who speaks in English news: an office or an agent described without a name ("the state auditor", "health
officials", "the Texas governor") is a speaker as it is in French, the head noun of its phrase coming last."""

from __future__ import annotations

import pytest

from tests.extraction.test_attribution import english


@pytest.mark.parametrize(("sentence", "words", "claimant"), [
    ("The city auditor said the bridge repairs cost $12 million more than planned.", "bridge", "The city auditor"),
    ("The county coroner said three people died in the crash on Route 9.", "three people", "The county coroner"),
    ("Prosecutors said the two men stole 40 cars between 2021 and 2023.", "40 cars", "Prosecutors"),
    ("Forecasters said up to 10 inches of snow could fall in Denver by Thursday.", "snow", "Forecasters"),
    ("The water utility said 8,000 homes lost service during the storm.", "8,000 homes", "The water utility"),
    ("The Nevada governor said the state would hire 500 teachers next year.", "500 teachers",
     "The Nevada governor"),
    ("The education minister of Peru said 300 schools had reopened.", "300 schools", "The education minister of Peru"),
    ("Rights groups say 200 protesters were detained in Minsk on Sunday.", "200 protesters", "Rights groups"),
    ("Local charities said 5,000 families in Leeds rely on food banks.", "5,000 families", "Local charities"),
])
def test_an_english_description_subject_of_a_speech_verb_is_the_speaker(sentence: str, words: str,
                                                                         claimant: str) -> None:
    assert english(sentence, words).claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("According to the state comptroller's office, the county spent $3 million on overtime in 2024.",
     "the state comptroller's office"),
    ("According to the county treasurer, the county spent $3 million on overtime in 2024.", "the county treasurer"),
    ("The county spent $3 million on overtime in 2024, the county treasurer said on Friday.", "the county treasurer"),
    ("The county spent $3 million on overtime in 2024, budget officials said.", "budget officials"),
    ("The county spent $3 million on overtime in 2024, according to the county finance department.",
     "the county finance department"),
])
def test_an_english_attribution_by_description_is_left_out_of_the_text(sentence: str, claimant: str) -> None:
    cand = english(sentence, "$3 million")
    assert cand.text == "The county spent $3 million on overtime in 2024."
    assert cand.claimant == claimant
    assert cand.quote == sentence


def test_a_name_after_the_description_is_still_the_speaker() -> None:
    """(A guard: passes without the rule too.)"""
    cand = english("Wildfires burned 2,000 acres in May, according to the forest agency CalFire.", "2,000 acres")
    assert cand.claimant.endswith("CalFire")  # "CalFire", or with its description ("the forest agency CalFire")


def test_an_english_office_said_later_is_the_person_the_article_named_with_it() -> None:
    text = ("Governor Laura Kelly signed the budget on Monday. The budget adds $80 million for roads. "
            "\"Our roads are the worst in the region,\" the governor said.")
    assert english(text, "roads are").claimant == "Laura Kelly"


def test_an_english_pronoun_after_a_described_speaker_is_that_speaker() -> None:
    text = ("The county sheriff said four inmates escaped from the jail on Saturday. He said two of them were "
            "caught within an hour.")
    cand = english(text, "caught")
    assert cand.claimant == "The county sheriff"
    assert cand.text.startswith("The county sheriff said")


def test_an_english_speaker_left_out_of_the_text_is_no_name_of_the_claim() -> None:
    cand = english("Hospital admissions fell by 12 percent in March, Governor Ann Porter told reporters.", "12 percent")
    assert cand.text == "Hospital admissions fell by 12 percent in March."
    assert "names a person" not in cand.checkworthiness_reasons
    cand = english("Governor Ann Porter said hospital admissions fell by 12 percent in March.", "12 percent")
    assert "names a person" in cand.checkworthiness_reasons  # (the speaker stays in the text)


@pytest.mark.parametrize(("sentence", "words", "claimant"), [
    ("The European Central Bank chair said inflation would fall to 2 percent in 2027.", "inflation",
     "The European Central Bank chair"),
    ("Tenants' advocates said rents rose 15 percent in Austin last year.", "rents", "Tenants' advocates"),
    ("The state attorney general said 14 companies had broken the law.", "14 companies", "The state attorney general"),
    ("The airport's general manager said 9,000 flights were delayed in July.", "9,000 flights",
     "The airport's general manager"),
])
def test_more_english_descriptions_are_speakers(sentence: str, words: str, claimant: str) -> None:
    assert english(sentence, words).claimant == claimant


def test_an_english_pronoun_after_a_chief_is_that_chief() -> None:
    text = ("Firefighters pulled 12 people from the burning building, the fire chief said. He said two of them "
            "were in critical condition.")
    cand = english(text, "critical")
    assert cand.claimant == "the fire chief"


def test_an_english_organisation_said_again_by_its_noun_is_the_one_named() -> None:
    text = ("Retail sales rose 0.8 percent in May, the Commerce Department said on Tuesday. Online sales grew "
            "6 percent over the year, the department said.")
    assert english(text, "Online sales").claimant == "the Commerce Department"


@pytest.mark.parametrize("sentence", [
    "The union's president, Ann Porter, said the company had cut 400 jobs since March.",
    "Ann Porter, the union's president, said the company had cut 400 jobs since March.",
])
def test_what_a_speaker_named_in_apposition_said_without_that_stays_the_claim(sentence: str) -> None:
    # "said the company had cut ..." is no inverted tail ("..., said the company."): the company is the subject of
    # what was said, and what was said is the claim.
    cand = english(sentence, "400 jobs")
    assert "had cut 400 jobs since March" in cand.text
    assert cand.claimant == "Ann Porter"


def test_a_surname_the_english_tagger_missed_still_speaks() -> None:
    from claims.extraction import extract_texts

    [extraction] = extract_texts(['Senator Maria Lopez spoke on Sunday. "Violent crime has doubled in four years," '
                                  "Lopez told Fox News."], languages=["en"])
    cand = next(c for c in [*extraction.claims, *extraction.recoverable] if "doubled" in c.quote)
    assert cand.text == "Violent crime has doubled in four years."
    assert cand.claimant == "Maria Lopez"  # the surname, then the person the article named in full


def test_an_english_statement_in_the_first_person_is_written_as_its_named_speakers() -> None:
    from claims.extraction import extract_texts

    [extraction] = extract_texts(['Mayor Paul Kowalski spoke on Friday. "We hired 300 officers this year," Kowalski '
                                  "told reporters. Crime fell 8% in the US in 2023, officials said."], languages=["en"])
    by_quote = {c.quote: c for c in [*extraction.claims, *extraction.recoverable]}
    hired = next(c for q, c in by_quote.items() if "300 officers" in q)
    assert hired.text == "Paul Kowalski: \u201cWe hired 300 officers this year.\u201d"
    assert not hired.needs_context
    # "US" is no "us", and a claim in the third person stays as it is
    crime = next(c for q, c in by_quote.items() if "Crime fell" in q)
    assert crime.text == "Crime fell 8% in the US in 2023."


def test_figures_an_english_source_reported_are_its_statement() -> None:
    assert english("The state health department reported 412 new cases of flu in Ohio on Monday.",
                   "412").claimant == "The state health department"
    # what was reported without a figure is an act
    assert english("The driver reported the accident to the police in Akron on Monday.", "accident").claimant == ""


@pytest.mark.parametrize(("sentence", "words", "claimant", "outlet"), [
    ("Health secretary Wes Lane told the BBC that waiting lists had fallen by 40,000.", "40,000", "Wes Lane", "BBC"),
    ("Coach Dana Frye told Sky Sports on Sunday that her side had won 11 of 13 games.", "11", "Dana Frye",
     "Sky Sports"),
    # a medium the statement is about is no outlet
    ("Mayor Ann Pike said the BBC had cut 450 jobs in Leeds last year.", "450 jobs", "Ann Pike", ""),
])
def test_the_medium_an_english_speaker_told_is_the_outlet(sentence: str, words: str, claimant: str,
                                                           outlet: str) -> None:
    cand = english(sentence, words)
    assert (cand.claimant, cand.outlet) == (claimant, outlet)


@pytest.mark.parametrize("sentence", [
    '"The budget will not cover the new wing," Governor Ann Porter said, "and 40 beds will stay closed."',
    '"The budget will not cover the new wing," said Governor Ann Porter, "and 40 beds will stay closed."',
])
def test_a_speaker_between_two_parts_of_a_quotation_leaves_the_text(sentence: str) -> None:
    cand = english(sentence, "40 beds")
    assert cand.text == "The budget will not cover the new wing, and 40 beds will stay closed."
    assert cand.claimant == "Ann Porter"


@pytest.mark.parametrize(("sentence", "words", "claimant", "outlet"), [
    ("A witness told the Evening Standard that the bus was carrying 60 passengers.", "60 passengers", "A witness",
     "Evening Standard"),
    ("A neighbour said the flat had been empty for 8 months.", "8 months", "A neighbour", ""),
    ("One resident insisted that 200 homes were flooded.", "200 homes", "One resident", ""),
])
def test_an_unnamed_english_speaker_is_the_claimant_as_written(sentence: str, words: str, claimant: str,
                                                               outlet: str) -> None:
    cand = english(sentence, words)
    assert (cand.claimant, cand.outlet) == (claimant, outlet)


def test_a_thing_that_says_is_no_unnamed_speaker() -> None:
    assert english("A court ruling says 40 workers must be paid.", "40 workers").claimant == ""


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Scientists at Cardiff University said the vaccine cut admissions by 40%.", "Scientists at Cardiff University"),
    ("Doctors from the University of Leeds said the vaccine cut admissions by 40%.",
     "Doctors from the University of Leeds"),
])
def test_an_english_agent_keeps_the_body_it_speaks_from(sentence: str, claimant: str) -> None:
    assert english(sentence, "40%").claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Manager Pep Guardiola said the club would sell 3,000 more season tickets.", "Pep Guardiola"),
    ("Councillor Ruth Akande said the council would sell 3,000 more season tickets.", "Ruth Akande"),
    ("Brighton's Roberto De Zerbi said the club would sell 3,000 more season tickets.", "Roberto De Zerbi"),
    ("Britain's National Grid said it would sell 3,000 more season tickets.", "National Grid"),
])
def test_an_english_speakers_office_or_owner_is_no_part_of_the_name(sentence: str, claimant: str) -> None:
    assert english(sentence, "3,000").claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Sainsbury's said it would open 20 new stores in Scotland.", "Sainsbury's"),
    ("McDonald's has said it would open 20 new stores in Scotland.", "McDonald's"),
])
def test_a_company_name_ending_in_a_possessive_keeps_it(sentence: str, claimant: str) -> None:
    assert english(sentence, "20 new stores").claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Netflix added 9 million subscribers in the quarter, the company said.", "Netflix"),
    ("Apple and Samsung sold 50 million phones in the quarter, the company said.", "the company"),
])
def test_the_company_that_speaks_is_the_one_the_statement_names(sentence: str, claimant: str) -> None:
    assert english(sentence, "million").claimant == claimant


def test_the_french_company_that_speaks_is_the_one_the_statement_names() -> None:
    from tests.extraction.test_attribution import claim

    cand = claim("Peugeot a vendu 40 000 voitures au premier trimestre, a indiqué le constructeur.", "voitures")
    assert cand.claimant == "Peugeot"


@pytest.mark.parametrize(("text", "words", "claimant"), [
    ("Transport minister Clara Webb opened the new tram line in Bristol on Monday. Her husband said she had worked "
     "on the project for six years.", "six years", "Clara Webb's husband"),
    ("Mayor Maria Lopez met the developer David Marsh at the town hall on Friday. His lawyer said the firm would "
     "build 250 homes by 2027.", "250 homes", "David Marsh's lawyer"),
])
def test_an_english_possessive_speaker_is_the_one_person_of_its_gender_just_named(text: str, words: str,
                                                                                 claimant: str) -> None:
    assert english(text, words).claimant == claimant


def test_an_english_possessive_speaker_of_two_people_of_its_gender_stays_as_written() -> None:
    text = ("Clara Webb and Maria Lopez met at the town hall in Leeds on Friday. Her lawyer said the council owed "
            "the builder 3 million pounds.")
    assert english(text, "3 million").claimant == "Her lawyer"


@pytest.mark.parametrize("first", ["A spokeswoman for the water company", "A water company spokeswoman"])
def test_an_english_definite_speaker_takes_up_the_indefinite_one_just_before(first: str) -> None:
    text = (f"{first} said 9,000 homes in Hull had no water on Sunday. The spokeswoman said engineers had "
            "repaired 14 pipes overnight.")
    assert english(text, "14 pipes").claimant == first


def test_an_english_definite_speaker_of_another_noun_is_not_the_indefinite_one() -> None:
    text = ("A spokeswoman for the water company said 9,000 homes in Hull had no water on Sunday. The engineer said "
            "his team had repaired 14 pipes overnight.")
    assert english(text, "14 pipes").claimant != "A spokeswoman for the water company"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("According to a YouGov survey, 41% of voters in Wales back the new speed limit.", "YouGov"),
    ("House prices in Leeds rose by 9% last year, according to a Nationwide report.", "Nationwide"),
])
def test_an_english_organisation_before_a_document_noun_is_its_maker_and_the_source(sentence: str,
                                                                                    claimant: str) -> None:
    cand = english(sentence, "%")
    assert cand.claimant == claimant
    assert "according" not in cand.text.lower()


def test_an_english_place_before_a_document_noun_is_not_its_maker() -> None:
    cand = english("According to a Texas study, 12% of drivers read messages at the wheel.", "12%")
    assert cand.claimant != "Texas"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("United manager Rik ten Hove told reporters that his side had won 9 of its 11 games.", "Rik ten Hove"),
    ("United manager Bas ten Hoorn told reporters that his side had won 9 of its 11 games.", "Bas ten Hoorn"),
    ("His side had won 9 of its 11 games, Joost ten Kate told reporters.", "Joost ten Kate"),
    ("His side had won 9 of its 11 games, Dirk van der Poel told reporters.", "Dirk van der Poel"),
])
def test_an_english_name_keeps_its_particle_and_first_name(sentence: str, claimant: str) -> None:
    assert english(sentence, "9 of").claimant == claimant
