"""Who speaks: the speaker of a statement as the article names them, when a pronoun, a role or a locution of
saying stands between them and the statement."""

from __future__ import annotations

from typing import Any

import pytest

from claims.extraction import extract_texts
from tests.extraction.test_attribution import claim


def test_a_stressed_pronoun_after_selon_is_the_whole_source_whatever_quotation_follows_it() -> None:
    cand = claim("Le couvre-feu a été avancé à 18 heures, a annoncé la préfète Claire Martin. Selon elle, "
                 "\"depuis la rentrée\" et \"depuis les fêtes\", le nombre de cas a doublé dans le département.",
                 "doublé")
    assert cand.claimant == "Claire Martin"
    assert not cand.text.startswith("Selon")


def test_a_pronoun_after_the_statement_is_the_person_its_subject_names_after_a_role() -> None:
    cand = claim("L'épidémie a fait 40 morts en une semaine, selon l'Agence régionale de santé. Dans ce contexte, "
                 "le ministre de la Santé Paul Durand n'exclut pas la fermeture des écoles, a-t-il indiqué sur "
                 "France 2 dimanche soir.", "fermeture")
    assert (cand.claimant, cand.outlet) == ("Paul Durand", "France 2")


def test_a_locution_of_saying_attributes_like_a_speech_verb() -> None:
    cand = claim("Le ministère de la Santé a fait état lundi de 312 nouveaux cas dans la région.", "312")
    assert cand.claimant == "Le ministère de la Santé"
    cand = claim("Après la réunion, la CGT a fait savoir qu'elle appellerait à la grève le 3 mai.", "grève")
    assert cand.claimant == "CGT"
    cand = claim("L'agence sanitaire Anses a mis en garde jeudi contre les intoxications aux huiles essentielles.",
                 "intoxications")
    assert cand.claimant == "Anses"


def test_feeling_shared_is_no_statement() -> None:
    cand = claim("Le maire de Lyon, Paul Roux, a fait part de son émotion après l'incendie de l'école.", "émotion")
    assert cand.claimant == ""


def test_pleading_writing_or_tweeting_a_quotation_attributes_it() -> None:
    cand = claim("\"Il n'y a aucune raison\" à ce qu'il démissionne, a plaidé Marie Lambert, car \"un ministre est "
                 "nommé, un député est élu\".", "aucune raison")
    assert cand.claimant == "Marie Lambert"
    cand = claim("\"La ville a perdu l'un de ses plus grands artistes, nous sommes effondrés\", écrivent dans un "
                 "communiqué Julie Martin et son frère Paul.", "effondrés")
    assert cand.claimant == "Julie Martin"
    cand = claim("\"Nous avons été très bien reçus par toute l'équipe du restaurant\", a tweeté Jean Dupuis.", "reçus")
    assert cand.claimant == "Jean Dupuis"


def test_a_place_after_en_is_where_the_speaker_is_not_who_speaks() -> None:
    cand = claim("Le mois dernier, l'antenne en Bretagne de l'association avait fait état d'une hausse de 40 % des "
                 "demandes d'adoption.", "40 %")
    assert "Bretagne" not in cand.claimant


def test_a_pronoun_closing_a_quotation_of_several_sentences_is_who_the_article_spoke_of_before_it() -> None:
    cand = claim("Le ministre de la Culture, Pierre Lambert, a eu quelques mots pour le peintre. \"Son oeuvre nous a "
                 "tous émus. Avec la disparition de Christophe Marin, la peinture française perd une part de son "
                 "âme. Je pense à sa femme et à sa fille\", a-t-il tweeté.", "sa femme")
    assert cand.claimant == "Pierre Lambert"


def test_a_pronoun_speaker_is_not_someone_named_only_as_what_was_talked_about() -> None:
    cand = claim("Le président brésilien Jair Bolsonaro s'en est pris lundi au Premier ministre portugais. Furieux du "
                 "soutien apporté par M. Costa à M. Silva, le dirigeant d'extrême droite a pris son homologue pour "
                 "cible. \"Je suis très critique de la façon dont le Portugal a géré la crise\", a-t-il déclaré.",
                 "très critique")
    assert cand.claimant == "Jair Bolsonaro"


def test_selon_lui_inside_a_sentence_is_the_person_its_subject_names() -> None:
    cand = claim("Le professeur Jean Durand a publié plusieurs études qui, selon lui, montrent une baisse de 30 % des "
                 "infections.", "30 %")
    assert cand.claimant == "Jean Durand"


def test_an_office_is_the_person_the_article_names_with_it_word_for_word_even_further_on() -> None:
    text = ("En visite à l'hôpital de Rennes, le ministre de l'Agriculture a annoncé une aide de 50 millions d'euros "
            "aux éleveurs. Ce sont les mots de Julien Moreau, ministre de l'Agriculture, prononcés vendredi lors "
            "d'une visite à la ferme.")
    assert claim(text, "50 millions").claimant == "Julien Moreau"
    text = ("Le ministre de l'Agriculture a annoncé une aide de 50 millions d'euros aux éleveurs. Julien Moreau, "
            "ministre de l'Agriculture, était à Rennes. En 2018, Paul Girard, ministre de l'Agriculture, l'avait "
            "déjà promise.")  # two people named with the office: neither
    assert claim(text, "50 millions").claimant == "Le ministre de l'Agriculture"


def test_what_or_whom_the_speaker_is_described_by_does_not_speak() -> None:
    cand = claim("La compagnie aérienne, comme Air France et Lufthansa, explique avoir réduit la vitesse de croisière "
                 "de ses avions pour économiser 10 % de carburant.", "10 %")
    assert "Air France" not in cand.claimant and "Lufthansa" not in cand.claimant
    cand = claim("L'eurodéputé LR a par ailleurs expliqué que les militants étaient inquiets après la défaite de 2019.",
                 "militants")
    assert cand.claimant == "L'eurodéputé LR"
    cand = claim("Le présentateur du JT de Canal+ a pris la parole. \"Monsieur Valls a dit que vous aviez le choix entre "
                 "une victoire possible et la défaite assurée\", lance le présentateur du \"Petit journal\" depuis "
                 "septembre 2016.", "Monsieur Valls")
    assert "Canal+" not in cand.claimant
    cand = claim("\"Les Français aspirent à une nouvelle séquence politique\", a expliqué le fonctionnaire territorial "
                 "au micro de Sud Radio.", "aspirent")
    assert "Sud" not in cand.claimant


def test_a_noun_with_its_complement_after_a_comma_is_an_apposition_not_a_trailing_speaker() -> None:
    cand = claim("Dimanche, une photo de l'attentat a refait surface sur Twitter, par l'intermédiaire de l'acteur "
                 "américain James Woods, soutien de Donald Trump.", "photo")
    assert cand.claimant != "Donald Trump"


def test_the_agent_of_a_participle_describing_the_subject_made_no_statement() -> None:
    cand = claim("Les mesures annoncées par Jean Castex en vue de la levée du confinement sont globalement bien "
                 "accueillies, à une exception près.", "accueillies")
    assert cand.claimant == ""


def test_an_apposition_put_before_the_subject_is_not_the_speaker() -> None:
    cand = claim("Les pays tentent de relancer leurs économies. Locomotive européenne, l'Allemagne a confirmé vendredi "
                 "une chute de 2,2% de son activité au premier trimestre.", "2,2%")
    assert cand.claimant == "Allemagne"


def test_a_speaker_is_found_when_the_tagger_reads_their_role_or_name_as_another_word() -> None:
    cand = claim("Dans l'émission de Paul Martin sur Europe 1, l'ancien juré Philippe Manoeuvre a confié ne pas avoir "
                 "été contacté pour revenir.", "contacté")
    assert cand.claimant == "Philippe Manoeuvre"
    cand = claim("La championne du monde de pentathlon moderne Elodie Clouvel a affirmé lors d'un entretien à la chaîne "
                 "locale qu'elle pensait avoir été contaminée.", "contaminée")
    assert cand.claimant == "Elodie Clouvel"


def test_a_surname_is_the_one_person_the_article_named_with_it() -> None:
    cand = claim("Jean-Luc Mélenchon était l'invité de France Inter lundi. Interrogé sur les retraites, Mélenchon a "
                 "déclaré que la réforme coûterait 10 milliards d'euros.", "10 milliards")
    assert cand.claimant == "Jean-Luc Mélenchon"


def test_a_medium_named_after_its_noun_is_the_outlet_and_a_hyphenated_title_is_read_whole() -> None:
    cand = claim("Les salaires des acteurs avaient été revus à la hausse de 20 % comme révélé par le magazine Variety.",
                 "20 %")
    assert (cand.claimant, cand.outlet) == ("Variety", "Variety")
    cand = claim("Paris-Match rapportait par ailleurs à la mi-février que l'ancienne ministre avait tenté d'infléchir la "
                 "campagne d'Arnaud Montebourg.", "infléchir")
    assert (cand.claimant, cand.outlet) == ("Paris-Match", "Paris-Match")
    cand = claim("L'agence sanitaire Anses a mis en garde jeudi contre les intoxications aux huiles essentielles.",
                 "intoxications")
    assert cand.outlet == ""


def test_a_quotation_after_a_sentence_about_one_named_person_is_theirs() -> None:
    text = ("Le boulanger Paul Martin tente de régler le problème depuis deux ans. \"J'avais espéré que cela se règle à "
            "l'amiable. Mais en 2013, les services des impôts m'ont prélevé 1 600 euros. Je ne m'en sors pas\".")
    assert claim(text, "1 600 euros").claimant == "Paul Martin"


def test_a_quoted_question_after_a_sentence_about_someone_is_not_theirs() -> None:
    text = ("En 2009, Charlotte Dupuis reçoit une demande spéciale du ministère des Armées. \"Voulez-vous jouer pour "
            "les 3 000 soldats installés au Mali le 31 décembre ?\" Elle a accepté.")
    assert claim(text, "3 000 soldats").claimant == ""


def test_an_incise_after_a_circumstance_put_first_attributes_the_statement_after_it() -> None:
    cand = claim("Depuis 2012, rappelle Le Parisien, la dotation de l'État n'a pas évolué : 517 millions d'euros.", "517")
    assert (cand.claimant, cand.outlet) == ("Le Parisien", "Le Parisien")
    assert cand.text.startswith("Depuis 2012, la dotation")


def test_an_office_named_without_the_party_label_the_article_gave_it_is_its_holder() -> None:
    text = ("\"Je souhaite que ceux qui ont quitté le groupe ne fassent plus partie de notre famille politique\", a "
            "déclaré Eric Ciotti, le député Les Républicains (LR) des Alpes-Maritimes, ce jeudi sur BFMTV. \"C'est la "
            "première fois sous la Ve République\", a déploré le député des Alpes-Maritimes face à Jean-Jacques Bourdin.")
    assert claim(text, "première fois").claimant == "Eric Ciotti"


def test_a_description_of_the_speaker_ends_before_face_a() -> None:
    text = ("\"C'est la première fois sous la Ve République\", a déploré le député des Alpes-Maritimes face à "
            "Jean-Jacques Bourdin.")
    assert claim(text, "première fois").claimant == "le député des Alpes-Maritimes"


def test_a_quotation_that_opens_at_the_speech_verb_quotes_its_subject() -> None:
    cand = claim("L'avocate Jacqueline Laffont \"affirme que cette enquête a été menée en secret pendant cinq ans\".",
                 "cinq ans")
    assert cand.claimant == "Jacqueline Laffont"


def test_a_day_the_tagger_glued_before_a_name_is_not_part_of_it() -> None:
    cand = claim("Vendredi Ségolène Royal a déclaré que la France était devenue un régime autoritaire.", "autoritaire")
    assert cand.claimant == "Ségolène Royal"


def test_a_que_after_the_verbs_circumstances_opens_what_was_said() -> None:
    cand = claim("Pierre Martin a confié, en mai, sur le plateau de TF1 qu'il allait quitter l'émission en 2021.",
                 "quitter")
    assert cand.claimant == "Pierre Martin"
    cand = claim("Et pour la rentrée, Pierre Martin a confié, en mai, sur le plateau de \"Matin Show\" du \"Parisien\" "
                 "qu'il allait changer l'émission.", "changer")
    assert cand.claimant == "Pierre Martin"
    cand = claim("Le maire a rappelé, lors du conseil municipal, que la piscine fermera en 2022.", "piscine")
    assert cand.claimant == "Le maire"
    # an object on the way: an act, and the "que" is a relative pronoun
    cand = claim("Le maire a salué, lors du conseil municipal, le travail des agents qu'il a remerciés.", "agents")
    assert cand.claimant == ""


def test_a_bare_infinitive_after_a_verb_that_reports_a_content_is_what_was_said() -> None:
    cand = claim("L'eurodéputé écologiste assure ce vendredi dans Libération ne pas vouloir se présenter en 2022.",
                 "présenter")
    assert cand.claimant == "L'eurodéputé écologiste"


def test_an_inverted_pronoun_goes_on_with_the_described_speaker_just_quoted() -> None:
    text = ("\"Je ne sais pas ce qui s'est passé, le bus a freiné d'un coup\", raconte l'infirmière au journal local. "
            "Un peu plus tard, la voiture de Paul Martin a pris feu. \"J'ai couru pendant 20 minutes pour chercher "
            "de l'aide\", poursuit-elle.")
    assert claim(text, "couru").claimant == "l'infirmière"
    # not a speaker of the other gender
    text = ("\"Je ne sais pas ce qui s'est passé, le bus a freiné d'un coup\", raconte l'infirmière au journal local. "
            "Un peu plus tard, la voiture de Paul Martin a pris feu. \"J'ai couru pendant 20 minutes pour chercher "
            "de l'aide\", poursuit-il.")
    assert claim(text, "couru").claimant != "l'infirmière"


def test_the_noun_phrase_before_the_medium_told_is_the_speaker() -> None:
    cand = claim("\"On manque de tout dans les écoles depuis 2019\", a expliqué le fonctionnaire territorial au micro "
                 "de France Inter.", "écoles")
    assert (cand.claimant, cand.outlet) == ("le fonctionnaire territorial", "France Inter")
    cand = claim("\"Nous avons perdu 20 clients en une semaine\", a déploré le boulanger sur l'antenne de France Bleu.",
                 "clients")
    assert (cand.claimant, cand.outlet) == ("le boulanger", "France Bleu")
    cand = claim("\"Les tarifs vont doubler en 2021\", explique mardi le gérant du bar au micro de RTL.", "tarifs")
    assert (cand.claimant, cand.outlet) == ("le gérant du bar", "RTL")
    # a pronoun speaker: the medium is still only the outlet
    cand = claim("\"Les tarifs vont doubler en 2021\", a-t-il confié au micro de RTL.", "tarifs")
    assert (cand.claimant, cand.outlet) == ("", "RTL")
    # no speaker before the medium: figures it was given
    cand = claim("Les tarifs vont doubler en 2021, selon les chiffres communiqués à France Info.", "tarifs")
    assert cand.claimant == ""


def test_an_english_noun_a_proper_name_qualifies_is_the_speaker_not_the_name() -> None:
    def english(text: str) -> Any:
        [extraction] = extract_texts([text], languages=["en"])
        return [*extraction.claims, *extraction.recoverable][0]
    assert english("Schools will stay closed until 15 May, the Ohio governor said on Tuesday.").claimant \
        == "the Ohio governor"
    assert english("The Texas senator said that 40 percent of voters had not received their ballots.").claimant \
        == "The Texas senator"
    assert english("Hospitals in the state have 300 free beds, the Florida health department said.").claimant \
        == "the Florida health department"
    assert english("Schools will stay closed until 15 May, the Labor Department said on Friday.").claimant \
        == "the Labor Department"


def test_an_occupation_of_a_named_work_is_the_speaker_as_written() -> None:
    cand = claim("Le réalisateur de Titanic a affirmé mardi que le tournage avait coûté 200 millions de dollars.",
                 "tournage")
    assert cand.claimant == "Le réalisateur de Titanic"
    cand = claim("L'acteur des Tontons flingueurs a affirmé mardi que le film avait attiré 3 millions de spectateurs.",
                 "spectateurs")
    assert cand.claimant == "L'acteur des Tontons flingueurs"


def test_a_term_or_title_quoted_after_a_preposition_is_not_what_was_said() -> None:
    cand = claim("Le parquet de Lyon a poursuivi pour \"escroquerie\", et non pour \"vol\", un homme de 40 ans.", "homme")
    assert cand.claimant == ""
    cand = claim("Le maire a écrit dans \"Le Progrès\" que la piscine fermera en 2022.", "piscine")
    assert cand.claimant == "Le maire"


def test_the_que_of_a_relative_clause_after_the_circumstances_opens_nothing_said() -> None:
    cand = claim("Le maire a confié dans l'entretien de 40 minutes qu'il a accordé à TF1 en 2019.", "entretien")
    assert cand.claimant == ""


def test_the_noun_subject_of_a_verb_only_a_speaker_has_is_the_claimant_as_written() -> None:
    # nouns the lexicon does not list as speakers: the subject of "annoncer que", "estimer que" speaks
    cand = claim("Un cousin de la chanteuse a annoncé mardi à l'AFP que sa tournée d'été comptait 42 dates.", "42 dates")
    assert cand.claimant == "Un cousin de la chanteuse"
    cand = claim("Le planning familial estime que 3 000 femmes partent avorter à l'étranger chaque année.", "3 000")
    assert cand.claimant == "Le planning familial"


def test_a_share_of_a_group_or_a_verb_a_figure_may_have_names_no_speaker() -> None:
    cand = claim("La moitié des sondés estime que les loyers ont augmenté de 12 % depuis 2015.", "12 %")
    assert cand.claimant == ""
    cand = claim("Le bilan indique que 35 personnes ont été blessées pendant la nuit de samedi.", "35 personnes")
    assert cand.claimant == ""
    # nor an apposition set off after another noun, nor a participle clause's noun
    cand = claim("Lundi, un vice-président de Cloudix, la filiale dédiée aux serveurs, a annoncé que 300 postes "
                 "seraient supprimés en 2021.", "300 postes")
    assert cand.claimant != "la filiale"
    cand = claim("Dans un entretien au Parisien, la dirigeante du syndicat a affirmé que 300 postes seraient "
                 "supprimés en 2021.", "300 postes")
    assert cand.claimant == "la dirigeante du syndicat"


def test_a_first_name_alone_has_the_gender_of_the_person_the_article_named_in_full() -> None:
    # "Tony" in the quotation is "son époux Tony Marlin", a man: "elle" is not him
    cand = claim("Claire Dubois remonte sur scène en mars avec son époux Tony Marlin. Claire Dubois poursuit : "
                 "\"Personne ne m'a autant aidée. Avant 1990, je faisais tout seule. Il a tout appris à Los Angeles. "
                 "Il connaît chaque métier du spectacle. Tony a la rigueur que j'aime. J'en ai besoin.\" La chanteuse "
                 "ne s'arrête pas là, elle ajoute que sa tournée passera par 12 pays en 2021.", "12 pays")
    assert cand.claimant == "Claire Dubois"


def test_a_noun_phrase_after_a_quotation_without_its_comma_is_the_speaker_not_the_name_before_it() -> None:
    cand = claim("La journaliste Claire Dubois a été appelée mardi par un faux ministre. Elle a aperçu le ministre "
                 "Paul Durand \"mais avec dix ans de moins\" révèle l'éditorialiste. L'escroc réclamait 50 000 euros.",
                 "dix ans")
    assert cand.claimant != "Paul Durand"
    assert "éditorialiste" in cand.claimant or cand.claimant == "Claire Dubois"


def test_a_gerund_of_saying_hung_on_an_adjective_or_an_object_has_the_main_clause_subject() -> None:
    cand = claim("Paul Martin, le ministre de l'Agriculture, en visite cette semaine en Bretagne, s'est voulu "
                 "rassurant en estimant que les prix du lait remonteraient de 10% d'ici l'été.", "prix du lait")
    assert cand.claimant == "Paul Martin"
    cand = claim("Le directeur de l'usine s'est montré optimiste en assurant que 200 postes seraient créés d'ici "
                 "2025.", "200 postes")
    assert cand.claimant == "Le directeur de l'usine"
    cand = claim("La ministre de la Culture Claire Petit a voulu saluer le travail des libraires, en affirmant "
                 "qu'ils avaient sauvé 3000 emplois pendant la crise.", "3000 emplois")
    assert cand.claimant == "Claire Petit"
    # (the parser may hang the subject on the verbless "en déplacement ..." before the verb)
    cand = claim("Marc Dupont, le ministre britannique du Commerce, en déplacement cette semaine à Rome, s'est voulu "
                 "rassurant en estimant que ces retards n'empêchaient pas de préparer un futur accord.", "retards")
    assert cand.claimant == "Marc Dupont"


def test_a_speaker_after_a_comma_whose_relative_clause_states_a_figure_is_still_the_claimant() -> None:
    # the figure of the relative clause keeps the whole sentence as its text; the speaker is the inverted subject
    cand = claim("Depuis janvier, les urgences ont accueilli 2000 patients de plus, souligne l'Anses, qui identifie "
                 "quatre causes.", "2000 patients")
    assert cand.claimant == "Anses"
    cand = claim("Les ventes de vélos ont doublé en un an, précise la fédération du commerce, qui prévoit 3 ouvertures "
                 "de magasins.", "vélos")
    assert cand.claimant == "la fédération du commerce"
    # the addressee after a preposition is no speaker
    cand = claim("Le maire Paul Roux a été interrogé hier. Les écoles rouvriront le 4 mai, a répondu à la ministre "
                 "le maire : \"nous avons 12 classes prêtes\".", "écoles")
    assert cand.claimant != "la ministre"


def test_an_agency_with_its_field_is_an_organisation_not_a_news_agency() -> None:
    cand = claim("Depuis janvier, les urgences de Toulouse ont accueilli 2000 patients de plus, souligne l'agence "
                 "régionale de santé.", "2000 patients")
    assert cand.claimant == "l'agence régionale de santé"
    cand = claim("Le pays a perdu sa note AAA en 2011, a rappelé l'agence de notation.", "AAA")
    assert cand.claimant == "l'agence de notation"
    cand = claim("Le gouvernement a démissionné lundi, a annoncé l'agence de presse officielle du pays.", "démissionné")
    assert cand.claimant != "l'agence de presse officielle"


def test_ajouter_with_a_noun_object_is_an_act_not_a_statement() -> None:
    # "ajouter" reports a content only with what was said ("a ajouté que", '", a ajouté X'); "ajoute son nom",
    # "ajoute un chapitre" add something, and their subject (or a noun the parser took for it) says nothing
    cand = claim("Un passé glorieux, une famille unie, une carrière solide : l'ascension de la nageuse ajoute un "
                 "chapitre à une histoire familiale hors norme.", "chapitre")
    assert cand.claimant == ""
    cand = claim("Le ministre a ajouté 3 millions d'euros au budget de la culture.", "3 millions")
    assert cand.claimant == ""
    cand = claim("Le chômage a baissé de 2% en un an, a ajouté le ministre.", "chômage")
    assert cand.claimant == "le ministre"
    cand = claim("Le ministre a ajouté que 300 postes seraient créés en 2022.", "300 postes")
    assert cand.claimant == "Le ministre"


def test_a_quotation_whose_closing_mark_the_parser_cut_off_gets_the_person_before_it() -> None:
    # the parser may make the closing '"' of '... sans précédent."' a sentence of its own: it closes the quotation
    text = ("Le débat a duré six heures mardi. Claire Dubois a défendu sa réforme devant les députés. \"Nous avons "
            "créé 300 postes de greffiers en deux ans. C'est un effort sans précédent.\"")
    assert claim(text, "300 postes").claimant == "Claire Dubois"


def test_a_quotation_after_a_sentence_about_a_role_holder_is_theirs() -> None:
    # the sentence before was about "La ministre de la Justice", the role the article tied to Claire Dubois
    text = ("Le débat a duré six heures mardi. La ministre de la Justice Claire Dubois a défendu sa réforme devant "
            "les députés. \"Nous avons créé 300 postes de greffiers en deux ans.\"")
    assert claim(text, "300 postes").claimant == "Claire Dubois"


def test_inciting_someone_to_act_is_an_appeal_whose_subject_makes_it() -> None:
    # (the parser may hang "à rester" on "habitants", not on the verb)
    cand = claim("Le gouverneur du Texas Greg Abbott a incité lundi les habitants à rester chez eux pendant 3 jours.",
                 "3 jours")
    assert cand.claimant == "Greg Abbott"
    cand = claim("La maire Claire Dubois a appelé mardi les habitants à limiter leurs déplacements pendant 3 jours.",
                 "3 jours")
    assert cand.claimant == "Claire Dubois"


def test_a_gerund_after_a_list_of_people_names_none_of_them_alone() -> None:
    cand = claim("Le gouvernement et les ministres Claire Dubois, Marc Vidal ou encore Anne Petit ont semé le doute "
                 "ces derniers jours en assurant que 3 usines fermeraient en 2022.", "3 usines")
    assert cand.claimant not in ("Claire Dubois", "Marc Vidal", "Anne Petit")


@pytest.mark.parametrize(("sentence", "words", "speaker"), [
    ("La maire de Rennes, Sophie Bernard, s'alarme de la fermeture de 14 classes dans sa commune.", "14 classes",
     "Sophie Bernard"),
    ("Le sénateur Paul Morel s'est demandé si l'État pourrait encore financer 300 logements sociaux.", "300 logements",
     "Paul Morel"),
])
def test_a_reflexive_verb_of_alarm_or_asking_reports_its_subject(sentence: str, words: str, speaker: str) -> None:
    assert claim(sentence, words).claimant == speaker


def test_without_its_reflexive_pronoun_demander_is_an_act() -> None:
    cand = claim("Le maire Jean Roux a demandé un prêt de 2 millions d'euros à la banque régionale.", "2 millions")
    assert cand.claimant == ""


def test_an_appeal_to_a_noun_is_a_statement_of_its_subject() -> None:
    cand = claim("Le député Jean Lefort a appelé à un « sursaut » après la hausse de 20 % des agressions.", "20 %")
    assert cand.claimant == "Jean Lefort"


def test_a_verb_with_a_bare_noun_introduces_a_quotation_after_a_colon() -> None:
    cand = claim("Le préfet Marc Olivier a rendu hommage aux pompiers : « Ils ont sauvé plus de 200 maisons en deux "
                 "jours. »", "200 maisons")
    assert cand.claimant == "Marc Olivier"
    cand = claim("Le maire Marc Olivier a reçu un courrier : « Nous fermerons l'usine de 300 salariés en mars. »",
                 "300 salariés")
    assert cand.claimant != "Marc Olivier"


def test_a_speech_verb_coordinated_after_an_outlets_phrase_is_the_pronouns_not_the_outlets() -> None:
    [extraction] = extract_texts(["Le chanteur Paul Lenoir vit à Nice depuis 2010. Selon les informations de "
                                  "Nice-Matin, il met en vente sa villa pour 3 millions d'euros et assure qu'il "
                                  "quittera la France en 2025."], languages=["fr"])
    said = next(c for c in [*extraction.claims, *extraction.recoverable] if "2025" in c.quote)
    assert (said.claimant, said.outlet) == ("Paul Lenoir", "Nice-Matin")


def test_the_character_an_actor_plays_is_not_the_speaker() -> None:
    cand = claim("La série revient pour une cinquième saison. La comédienne qui joue Claire Morel a affirmé que le "
                 "tournage a duré huit mois.", "huit mois")
    assert cand.claimant != "Claire Morel"


@pytest.mark.parametrize("locution", ["par ailleurs", "en outre", "de nouveau"])
def test_an_adverbial_locution_between_the_inverted_pronoun_and_the_verb_keeps_the_incise(locution: str) -> None:
    cand = claim(f"Claire Martin, la présidente de la région, a visité le chantier jeudi. La ligne de tramway coûtera "
                 f"85 millions d'euros, a-t-elle {locution} précisé.", "tramway")
    assert cand.claimant == "Claire Martin"
    assert cand.text == "La ligne de tramway coûtera 85 millions d'euros."
