from __future__ import annotations

import re

import pytest

from claims.extraction import extract_claims
from claims.extraction import normalise as nm
from claims.extraction.normalise import normalise


def test_it_replaces_typographic_apostrophes_and_quotes_one_for_one() -> None:
    text = "L’Ukraine n’a « rien » reçu\u00a0: 40\u202f%"
    norm = normalise(text)
    assert norm.text == "L'Ukraine n'a \" rien \" reçu : 40 %"
    assert len(norm.text) == len(text)


def test_it_maps_every_normalised_span_back_to_the_original() -> None:
    text = "Elle s’est dite «\u00a0ravie\u00a0»."
    norm = normalise(text)
    start = norm.text.index("ravie")
    o_start, o_end = norm.to_original(start, start + len("ravie"))
    assert text[o_start:o_end] == "ravie"


def test_it_separates_paragraphs_glued_without_a_space() -> None:
    text = "la violence domestique.Consternant, le chiffre"
    norm = normalise(text)
    assert "domestique. Consternant" in norm.text
    start = norm.text.index("Consternant")
    o_start, o_end = norm.to_original(start, start + len("Consternant"))
    assert text[o_start:o_end] == "Consternant"
    whole = norm.to_original(0, len(norm.text))
    assert whole == (0, len(text))


def test_it_separates_a_sentence_glued_to_the_next_ones_monsieur() -> None:
    assert "à deux reprises en 2016. M. Jung, 31 ans" in normalise("à deux reprises en 2016.M. Jung, 31 ans").text
    assert "a rappelé la ministre. M. Philippe" in normalise("a rappelé la ministre.M. Philippe").text


def test_it_separates_a_sentence_glued_to_a_figure_opening_the_next_one() -> None:
    assert "avant le 2 août. 10 à 12 millions de visiteurs" in normalise(
        "avant le 2 août.10 à 12 millions de visiteurs").text
    assert "auprès de 1.000 personnes. 72% des sondés" in normalise("auprès de 1.000 personnes.72% des sondés").text


def test_it_separates_a_question_or_exclamation_in_french_spacing_glued_to_the_next_sentence() -> None:
    assert "Pourquoi de telles fuites ? Le gouvernement a" in normalise(
        "Pourquoi de telles fuites ?Le gouvernement a démenti mardi.").text
    assert "il s'est invité ! Contactés par" in normalise("il s'est invité !Contactés par la presse").text
    assert normalise('Il a crié « Stop !» et il est parti.').text == 'Il a crié " Stop !" et il est parti.'  # guard


def test_it_separates_a_sentence_glued_after_a_short_name_to_a_figure() -> None:
    assert "a martelé le maire Paul Roy. 121 communes ont voté" in normalise(
        "a martelé le maire Paul Roy.121 communes ont voté").text
    assert "selon le préfet Luc Bon. 40 rues sont fermées" in normalise(
        "selon le préfet Luc Bon.40 rues sont fermées").text


def test_it_separates_a_caption_glued_after_a_price_in_brackets() -> None:
    assert "(environ 257 000 €). Crédit images" in normalise(
        "facturés 280 000 $ l'unité (environ 257 000 €).Crédit images : la marque").text


def test_it_separates_a_sentence_glued_after_a_unit_in_mixed_case() -> None:
    assert "un chargeur rapide de 150 kW. Les modèles" in normalise("un chargeur rapide de 150 kW.Les modèles").text
    assert "une batterie de 95 kWh. Le constructeur" in normalise("une batterie de 95 kWh.Le constructeur").text


def test_it_separates_a_year_glued_to_a_figure_grouped_in_thousands() -> None:
    assert "condamné en 2011. 50 000 euros ont" in normalise("condamné en 2011.50 000 euros ont").text
    assert "un prix de 2011.50 euros" in normalise("un prix de 2011.50 euros").text


def test_it_leaves_abbreviations_and_decimals_alone() -> None:
    for text in ("Il y a 3.5 millions", "M.Dupont", "www.Example.org", "sur www.20minutes.fr", "en 2019.5 points"):
        assert normalise(text).text == text


def test_it_drops_invisible_characters_but_keeps_their_offsets_inside_spans() -> None:
    text = "Mos\u00adcou\u200b a dit"
    norm = normalise(text)
    assert norm.text == "Moscou a dit"
    start, end = norm.to_original(0, 6)
    assert text[start:end] == "Mos\u00adcou"


def test_a_post_pasted_back_to_back_is_read_once_and_the_scrapers_none_goes() -> None:
    post = "Un ministre a frappé son directeur de cabinet 😢 "
    text = post * 3 + "None"
    norm = normalise(text)
    assert norm.text == post
    assert norm.to_original(0, len(norm.text)) == (0, len(post))
    lines = "Regardez les policiers\nIls sont partout en ville"
    assert normalise(lines + " " + lines).text == lines + " "


def test_a_short_caption_pasted_three_times_before_the_rest_of_a_post_is_read_once() -> None:
    caption = "Incroyable 😱 "
    rest = "Le maire a fermé la piscine municipale en plein été."
    text = caption * 3 + rest
    norm = normalise(text)
    assert norm.text.count("Incroyable") == 1 and norm.text.endswith(rest)
    start = norm.text.index(rest)
    assert norm.to_original(start, start + len(rest)) == (len(text) - len(rest), len(text))
    assert normalise("Bien vu ! Bien vu ! Bien vu ! None").text == "Bien vu ! "
    # Twice is emphasis, not a paste; and a text that is only the copies may be what it says.
    assert normalise("Bien vu ! Bien vu ! " + rest).text == "Bien vu ! Bien vu ! " + rest
    assert normalise("Bien vu ! Bien vu ! Bien vu !").text == "Bien vu ! Bien vu ! Bien vu !"


def test_a_repeated_sentence_inside_a_text_is_not_a_paste() -> None:
    title = "Titre de l'article assez long"
    for text in (f"{title}\n\n{title} suivi du texte.", "Le texte normal sans copie. Le texte normal revient plus loin.",
                 "Court. Court. Court."):
        assert normalise(text).text == text


def test_the_parser_reads_shouted_runs_in_sentence_case_and_no_emoji_without_moving_offsets() -> None:
    from claims.extraction.normalise import parser_text

    shouted = "EN ITALIE, LE REMÈDE CONTRE LE CORONAVIRUS A ÉTÉ TROUVÉ."
    assert parser_text(shouted) == ("En italie, le remède contre le coronavirus a été trouvé.", [])
    kept = "Selon l'OMS et la RDC, les USA ont 3 cas à 25 °C ©."
    assert parser_text(kept) == (kept, [])
    post = "Ce lieu n'est pas en Suisse ⏩C'est en Algérie 🇩🇿🏡 !"
    text, starts = parser_text(post)
    assert len(text) == len(post) and "⏩" not in text and "🏡" not in text
    assert starts == [post.index("C'est")]


def test_a_full_stop_and_two_spaces_start_a_sentence_for_the_parser() -> None:
    from claims.extraction.normalise import parser_text

    text = "Le maire a fermé trois écoles.  La préfecture a ouvert une enquête."
    assert parser_text(text)[1] == [text.index("La préfecture")]
    assert parser_text("Il a rencontré le Dr.  Martin hier.")[1] == []
    sentences = [c.quote for c in [*extract_claims(text, language="fr").claims,
                                   *extract_claims(text, language="fr").recoverable]]
    assert sorted(sentences) == ["La préfecture a ouvert une enquête.", "Le maire a fermé trois écoles."]


def test_it_gives_a_wire_intertitle_between_dashes_a_paragraph_of_its_own() -> None:
    text = "le trafic restera réduit.- Saint-Denis et les écoles -Sur le chantier du retour, 12 millions d'élèves"
    norm = normalise(text)
    assert "réduit.\n\n- Saint-Denis et les écoles -\n\nSur le chantier" in norm.text
    start = norm.text.index("Sur le chantier")
    assert text[slice(*norm.to_original(start, start + 3))] == "Sur"
    # an intertitle in single quotation marks
    text = "Le commerce va baisser dans toutes les régions.- 'Mort-né' -A Washington, la Chambre a voté un plan."
    assert "régions.\n\n- 'Mort-né' -\n\nA Washington" in normalise(text).text


def test_it_leaves_hyphens_and_scores_after_a_sentence_alone() -> None:
    for text in ("Le score est de 2-0. Paris-Saint-Germain a gagné.", "Il est parti. -3 °C ce matin à Lille."):
        assert normalise(text).text == text


def test_an_upper_case_heading_after_a_sentence_end_gets_a_line_of_its_own() -> None:
    text = "Le vote a eu lieu le 25 juin. UN RÉSULTAT QUI A SURPRIS LE PARLEMENT Précisément, la motion demande"
    norm = normalise(text)
    assert "25 juin.\nUN RÉSULTAT QUI A SURPRIS LE PARLEMENT\nPrécisément" in norm.text
    assert len(norm.text) == len(text)


@pytest.mark.parametrize(("text", "heading", "sentence"), [
    # an upper-case heading glued after a sentence that ends on an acronym or a channel's number
    ("Le fonds a été sanctionné par la SEC.UNE AMENDE DE TROIS MILLIONS Le gérant a fait appel.",
     "UNE AMENDE DE TROIS MILLIONS", "Le gérant a fait appel."),
    ("Le texte sera voté mardi, indique France 2.LES SYNDICATS EN COLÈRE Les syndicats appellent à la grève.",
     "LES SYNDICATS EN COLÈRE", "Les syndicats appellent à la grève."),
    # an upper-case heading that quotes, before a sentence that opens on an elided word or a quotation
    ('Le vote a eu lieu. "UN PASSAGE EN FORCE INACCEPTABLE" Les députés ont quitté la salle.',
     '"UN PASSAGE EN FORCE INACCEPTABLE"', "Les députés ont quitté la salle."),
    ("Le maire a parlé. PAS DE PISCINE POUR LES ÉCOLES DU QUARTIER L'adjoint a confirmé la fermeture.",
     "PAS DE PISCINE POUR LES ÉCOLES DU QUARTIER", "L'adjoint a confirmé la fermeture."),
    ('Il a retiré son message. LYON ET GRENOBLE "PAIENT LE PRIX FORT" Le préfet a publié un communiqué.',
     'LYON ET GRENOBLE "PAIENT LE PRIX FORT"', "Le préfet a publié un communiqué."),
    ('Les élus ont protesté. "UN COUP DE FORCE" "Le maire a menti", a dit un conseiller.',
     '"UN COUP DE FORCE"', '"Le maire a menti", a dit un conseiller.'),
    # an intertitle glued to the sentence end before it may end on a name
    ("Le budget a été voté.Moins de pouvoir pour Paris Après deux ans de débat, la loi a été adoptée.",
     "Moins de pouvoir pour Paris", "Après deux ans de débat, la loi a été adoptée."),
])
def test_more_headings_run_into_the_next_sentence_get_a_line_of_their_own(
        text: str, heading: str, sentence: str) -> None:
    lines = [line.strip() for line in normalise(text).text.split("\n")]
    assert heading in lines and sentence in lines, lines


@pytest.mark.parametrize(("text", "sentence"), [
    ("Le jury a délibéré. AUCUN EFFET SUR LE BACL'épreuve aura lieu le 3 juillet.", "L'épreuve aura lieu le 3 juillet."),
    ("Quelles sont les priorités ? EmploiSans surprise, le chômage arrive en tête.",
     "Sans surprise, le chômage arrive en tête."),
    ("Il parle de hausse et de baisseAutre point du rapport, la dette a doublé.",
     "Autre point du rapport, la dette a doublé."),
    ("Un engagement syndical de toujoursNé à Lyon en 1950, il a dirigé la CGT.", "Né à Lyon en 1950, il a dirigé la CGT."),
    ("Deux pistes à l'étudePuis de préciser sur France Inter que rien n'était exclu.",
     "Puis de préciser sur France Inter que rien n'était exclu."),
    # a person's full name glued to a short lower-case word
    ("Pour son documentaire, la réalisatrice a rencontré des médecins et des psysMarie-Claire Dupuis a filmé "
     "pendant deux ans.", "Marie-Claire Dupuis a filmé pendant deux ans."),
])
def test_a_sentence_glued_to_a_heading_starts_a_paragraph(text: str, sentence: str) -> None:
    assert sentence in [p.strip() for p in normalise(text).text.split("\n\n")]


@pytest.mark.parametrize("text", [
    "Le budget a été voté.Selon Le Monde, la loi a été adoptée.",
    "Le budget a été voté.Marine Le Pen a voté contre la loi.",
    "Le budget a été voté.Le maire de Paris Anne Hidalgo a voté pour.",
    "Le texte dit \"NON À LA FERMETURE DE L'USINE\" selon le syndicat.",
])
def test_a_name_after_a_glued_sentence_end_is_no_heading(text: str) -> None:
    assert "\n" not in normalise(text).text


@pytest.mark.parametrize("text", [  # brands and names written in mixed case (guards: no line break either way)
    "Il a acheté un iPhone Apple et vendu sa console sur eBay Store.",
    "Selon le site PurePeople Magazine, le couple a divorcé.",
    "Le réseau LinkedIn France a publié son classement.",
])
def test_a_brand_in_mixed_case_before_a_name_is_no_heading(text: str) -> None:
    assert "\n" not in normalise(text).text


@pytest.mark.parametrize(("text", "sentence"), [
    ("Quels sont les symptômes ?par BFMTVLa perte d'odorat est le signe le plus fréquent.",
     "La perte d'odorat est le signe le plus fréquent."),
    ("Le duel Macron-Le Maire sur la CSGLe chef de l'État a tranché mardi.", "Le chef de l'État a tranché mardi."),
    ("VERS UN NOUVEAU PROCÈSIl a fait appel le 3 mai.", "Il a fait appel le 3 mai."),
])
def test_a_two_letter_opener_glued_to_an_upper_case_run_starts_a_paragraph(text: str, sentence: str) -> None:
    assert sentence in [p.strip() for p in normalise(text).text.split("\n\n")]


def test_an_upper_case_heading_glued_to_an_elided_article_is_cut_off() -> None:
    text = "un autre parent.UNE FERMETURE CONTESTÉEL'affaire remonte au ministère. Le groupe LVMH L'a confirmé."
    norm = normalise(text)
    assert "CONTESTÉE\n\nL'affaire remonte" in norm.text
    assert "LVMH L'a confirmé" in norm.text


@pytest.mark.parametrize(("glued", "heading"), [
    ("La famille a porté plainte mardi. Apologie au crimeQuatre profils sont visés par la plainte.",
     "Quatre profils sont visés par la plainte."),
    ("Un record inégalé depuis.► Mitterrand et Chirac pas en restePar la suite, le président a nommé 12 énarques.",
     "► Mitterrand et Chirac pas en reste"),
    ("Le décompte de l'AFP est connu.► Sous Pompidou, l'ère des énarquesS'ils ne sont que 3 sous de Gaulle, ils "
     "sont 9 ensuite.", "► Sous Pompidou, l'ère des énarques"),
    # a weekday, "Se" or a place of three letters before the glue
    ("Le virus progresse. Deux cas dans l'AinCe mardi 30 octobre, l'agence a confirmé 3 cas.",
     "Ce mardi 30 octobre, l'agence a confirmé 3 cas."),
    ("Le chauffeur a été frappé. Agression dans le busJeudi 20 septembre, à Draveil, il a été frappé.",
     "Jeudi 20 septembre, à Draveil, il a été frappé."),
    ("Le texte est illégal. L'avis du Conseil d'ÉtatSe prononçant sur le fond, les juges ont tranché.",
     "Se prononçant sur le fond, les juges ont tranché."),
    # the glued word followed by a comma
    ("Le bilan est lourd. 66.000 manifestants dans toute la FranceSamedi, la cinquième journée a réuni 66.000 "
     "personnes.", "Samedi, la cinquième journée a réuni 66.000 personnes."),
])
def test_a_heading_glued_to_the_sentences_around_it_gets_a_paragraph_of_its_own(glued: str, heading: str) -> None:
    paragraphs = [p.strip() for p in normalise(glued).text.split("\n\n")]
    assert heading in paragraphs or any(p.startswith(heading) for p in paragraphs), paragraphs


def test_a_brand_written_in_camel_case_is_not_cut() -> None:
    assert normalise("La compagnie easyJet a annoncé 3 vols et YouTube 2 vidéos.").text == (
        "La compagnie easyJet a annoncé 3 vols et YouTube 2 vidéos.")


def test_a_live_blogs_time_stamp_opens_its_own_entry() -> None:
    text = "Les bureaux ferment à 20 heures selon Elabe.17h : Le taux de participation est de 65,30%."
    assert "\n\n17h : Le taux de participation est de 65,30%." in normalise(text).text


@pytest.mark.parametrize(("text", "heading", "sentence"), [
    ("Un garçon est sorti. 21 enfants retrouvés morts Les cris d'une femme retentissent.",
     "21 enfants retrouvés morts", "Les cris d'une femme retentissent."),
    ("Le vote a eu lieu.Mise en place d'un bracelet anti-rapprochement Les députés examinaient le texte.",
     "Mise en place d'un bracelet anti-rapprochement", "Les députés examinaient le texte."),
    ("Il a annoncé des mesures.- Les écoles fermées dès lundi Le chef de l'État a annoncé la fermeture.",
     "- Les écoles fermées dès lundi", "Le chef de l'État a annoncé la fermeture."),
    # a heading ending on a name after an elided article, a number word or a date opening the sentence
    ("Le bilan s'alourdit. Un quatrième cas dans l'Aisne Les premiers malades ont été hospitalisés lundi.",
     "Un quatrième cas dans l'Aisne", "Les premiers malades ont été hospitalisés lundi."),
    ("Il a signé le décret. Des jours de congé pour les parents isolés Quinze jours, c'est la durée prévue.",
     "Des jours de congé pour les parents isolés", "Quinze jours, c'est la durée prévue."),
    # a heading with a quotation of its own
    ('Le maire a démissionné."Une trahison" Des propos qui ont choqué les élus de la ville.',
     '"Une trahison"', "Des propos qui ont choqué les élus de la ville."),
    ('Rien ne bouge. Trois projets de liste "citoyenne" Le 3 mars, un militant a annoncé sa liste.',
     'Trois projets de liste "citoyenne"', "Le 3 mars, un militant a annoncé sa liste."),
    # a heading with a comma of its own
    ("Le froid a duré.Blessé, il a marché trois jours Le quotidien local raconte son retour.",
     "Blessé, il a marché trois jours", "Le quotidien local raconte son retour."),
    ("Le chantier reprend. Les loyers, un vrai casse-tête Les étudiants cherchent un logement.",
     "Les loyers, un vrai casse-tête", "Les étudiants cherchent un logement."),
    # a sentence opening on a day, a connective, a quantifier or "Dès"; a heading ending on a figure
    ("Le cortège est parti. Affluence en hausse Jeudi 4 mai, la préfecture comptait 12 000 marcheurs.",
     "Affluence en hausse", "Jeudi 4 mai, la préfecture comptait 12 000 marcheurs."),
    ("Rien n'est joué. Loin d'être élu Car s'il arrive en tête, le maire sortant devra s'allier.",
     "Loin d'être élu", "Car s'il arrive en tête, le maire sortant devra s'allier."),
    ("Le chantier a été stoppé. Le promoteur admet son retard Dès le 3 juin, la mairie avait écrit.",
     "Le promoteur admet son retard", "Dès le 3 juin, la mairie avait écrit."),
    ("Le juge a tranché. Suspendu depuis 2019 L'entraîneur est accusé d'avoir truqué deux matches.",
     "Suspendu depuis 2019", "L'entraîneur est accusé d'avoir truqué deux matches."),
    ("Les syndicats ont signé. Peu de départs Seuls 8% des salariés ont choisi la prime.",
     "Peu de départs", "Seuls 8% des salariés ont choisi la prime."),
    # a heading of twelve words
    ('Il a fini.Appel formé par des parents inquiets, au nom du "droit à l\'école" Au vu du dossier, le juge a tranché.',
     'Appel formé par des parents inquiets, au nom du "droit à l\'école"', "Au vu du dossier, le juge a tranché."),
])
def test_a_sentence_case_heading_run_into_the_next_sentence_gets_a_line_of_its_own(
        text: str, heading: str, sentence: str) -> None:
    lines = [line.strip() for line in normalise(text).text.split("\n")]
    assert heading in lines and sentence in lines, lines


@pytest.mark.parametrize("text", [
    "Il l'a dit ce matin. Interrogé par Le Parisien le ministre a confirmé.",
    "Il publie un nouveau livre La peur du vide en septembre.",
    "Le vote est prévu. Les députés En marche ont voté contre.",
    "Elle a chanté. \"Les lumières dansent sur les terrasses Le jour ne vient pas\", dit-elle.",
    "Il a tourné dans la série Plus belle la vie pendant deux ans.",
])
def test_a_capitalised_title_inside_a_sentence_is_not_a_heading(text: str) -> None:
    assert "\n" not in normalise(text).text


@pytest.mark.parametrize(("text", "sentence"), [
    ("Comment faire pour voyager?par BFMTVL'Élysée comme Matignon ont refusé.", "L'Élysée comme Matignon ont refusé."),
    ("La chanteuse sort du silencepar 6MEDIASC'est son mari qui l'a annoncé.", "C'est son mari qui l'a annoncé."),
    ("Quand aura-t-on un vaccin ?par FRANCE 24La compagnie a licencié 300 pilotes.",
     "La compagnie a licencié 300 pilotes."),
    ("Un accord est-il encore possible avec Londres après le Brexitpar euronews (en français)Les fuites "
     "peuvent-elles relancer les discussions ?", "Les fuites peuvent-elles relancer les discussions ?"),
    ("Le chanteur en larmes en découvrant le passé de ses ancêtres (vidéo)par Non Stop Zapping En plus d'être "
     "acteur, il a sorti 3 albums.", "En plus d'être acteur, il a sorti 3 albums."),
    ("Quand le facteur ne passe plus... A qui la faute ?par franceinfoCe jour-là, 40 habitants ont manifesté.",
     "Ce jour-là, 40 habitants ont manifesté."),
    # a space after the credit's closing bracket
    ("Forte secousse dans le sud de la Grècepar euronews (en français) Un séisme de magnitude 5,8 a frappé la Crète.",
     "Un séisme de magnitude 5,8 a frappé la Crète."),
])
def test_a_video_teasers_credit_glued_between_two_sentences_is_cut_off(text: str, sentence: str) -> None:
    paragraphs = [p.strip() for p in normalise(text).text.split("\n\n")]
    assert sentence in paragraphs and any(p.startswith("par ") for p in paragraphs), paragraphs


@pytest.mark.parametrize("text", [
    "Les corps ont été retrouvés en 2004 sur indication du tueur.abc-def-gh/rl/cbn",
    "Les corps ont été retrouvés en 2004 sur indication du tueur. abc-de-fgh-ij/ybl/hh/lch\n\nLa suite.",
])
def test_a_news_agencys_desk_slug_after_the_last_sentence_is_cut_off(text: str) -> None:
    paragraphs = [p.strip() for p in normalise(text).text.split("\n\n")]
    assert "Les corps ont été retrouvés en 2004 sur indication du tueur." in paragraphs, paragraphs
    [claim] = [c for c in extract_claims(text, language="fr", min_score=0.0).claims if "corps" in c.text]
    assert claim.text.endswith("du tueur.")


@pytest.mark.parametrize("text", ['Le départ est prévu "autour de mi-mai/fin mai" selon la mairie.',
                                  "Voir le site ville-de-lyon/fr/actualites pour le détail."])
def test_words_with_hyphens_and_slashes_inside_a_sentence_are_no_slug(text: str) -> None:
    assert normalise(text).text == text


def test_an_agent_after_par_inside_a_sentence_is_no_credit() -> None:
    assert normalise("Il a été élu par LREM lundi.").text == "Il a été élu par LREM lundi."


@pytest.mark.parametrize(("text", "expected"), [
    ('L\'arrêté dit : "Il arrive à 19 heures précises."L\'article 2 poursuit.',
     'L\'arrêté dit : "Il arrive à 19 heures précises." L\'article 2 poursuit.'),
    ('Il a dit "lui offrir deux costumes"Il a par ailleurs révélé le prix.',
     'Il a dit "lui offrir deux costumes"\n\nIl a par ailleurs révélé le prix.'),
    ('Le chef a dit "stop" à la presse.', 'Le chef a dit "stop" à la presse.'),
    ('"Le stade n\'avait jamais été aussi plein"A l\'extérieur, 300 supporters attendaient.',
     '"Le stade n\'avait jamais été aussi plein"\n\nA l\'extérieur, 300 supporters attendaient.'),
    ('Il a dit : "Les recherches ont échoué""Nous reprendrons demain", a ajouté le maire.',
     'Il a dit : "Les recherches ont échoué"\n\n"Nous reprendrons demain", a ajouté le maire.'),
    ('Elle a lancé "A bientôt" à la foule.', 'Elle a lancé "A bientôt" à la foule.'),
])
def test_a_closing_quotation_mark_glued_to_the_next_sentence_ends_its_sentence(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize("text", [
    'On change de lieu, "par sécurité". Deux hélicoptères se posent.',
    "Le film de Gaspar Noé a réuni 300 000 spectateurs.",
    "Il a été élu par 52 voix contre 40.",
])
def test_par_in_a_sentence_is_no_video_credit(text: str) -> None:
    assert normalise(text).text == text


def test_a_heading_ending_in_brackets_glued_to_the_next_sentence_is_cut_off() -> None:
    text = "Il est inscrit au fichier des délinquants sexuels (Fijais)L'homme a été condamné à 9 mois de prison."
    assert "(Fijais)\n" in normalise(text).text


@pytest.mark.parametrize("glued", [
    "Le prêt a été sollicité selon les informations du Monde.L'habillement loin d'être épargné.",
    "Il a été interpellé pour braquage à main armée.C'est une scène improbable.",
    "Le chiffre a été confirmé par la préfecture.D'après le maire, 12 rues sont fermées.",
])
def test_a_sentence_end_glued_to_an_elided_word_is_split(glued: str) -> None:
    first, second = glued.split(".", 1)[0], glued.split(".", 1)[1]
    text = normalise(glued).text
    assert text.startswith(first + ".") and second in text and (first + "." + second) not in text


@pytest.mark.parametrize("name", ["_GLUED", "_GLUED_HEADING", "_CAPS_HEADING", "_SPACED_HEADING",
                                  "_GLUED_NAMED_HEADING"])
def test_its_regexes_find_the_same_places_with_the_next_character_tested_first(name: str) -> None:
    # normalise._only_before only lets the engine skip places faster: without the test, the same matches.
    guarded = getattr(nm, name)
    plain = re.compile(guarded.pattern[guarded.pattern.index("(?:") :])
    texts = [
        "Le coût a augmenté.Consternant, le maire a réagi. en 2016.M. Jung, 31 ans, prend les devantsMais cet "
        "événement inégalé depuis.► Mitterrand et Chirac. Harris Interactive.17h : Le taux de participation, "
        "le gouvernementPerpétuelle s'évader.ELLE N'A PAS LE DROIT de sortir.",
        "LES ALLOCATIONS DÉJÀ SUSPENDUES Depuis début 2015, SUR LA CSGLe chef de l'État. UNE INTERVENTION "
        "CONTESTÉEL'affaire ?par BFMTVLa perte d'odorat",
        "... sortie. 21 enfants et 5 adultes retrouvés morts Les cris d'une femme retentissent. • Originaire "
        "de l'Oise Le maire a dit. \"Débile profond\" Des propos placés en isolement Quatorze jours, c'est long.",
        "Le budget a été voté.Moins de pouvoir pour Paris Après deux ans, la loi passe.",
    ]
    for text in texts:
        assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)]
    assert plain.search(" ".join(texts)), f"{name} finds nothing in the examples"


def test_it_separates_a_sentence_ending_on_a_currency_sign_glued_to_the_next_one() -> None:
    assert "au prix de 6 000 €. La Polestar 2" in normalise("Il est proposé au prix de 6 000 €.La Polestar 2 est équipée").text
    assert "pour 30$. Le vendeur" in normalise("Il a été vendu pour 30$.Le vendeur a refusé").text


def test_an_editors_formatting_mark_is_no_word_of_the_claim() -> None:
    text = ("Le conseil municipal de Quimper a voté une baisse de 4 % des tarifs de la cantine(/BOLD], "
            "a annoncé la mairie mardi.")
    [claim] = extract_claims(text, language="fr").claims
    assert "BOLD" not in claim.text and claim.text.endswith("tarifs de la cantine.")
    assert claim.quote.endswith("cantine(/BOLD], a annoncé la mairie mardi.")  # the quote stays the exact span
    assert normalise("une [BOLD]baisse[/BOLD] de 4 %").text == "une baisse de 4 %"


def test_a_full_stop_kept_on_a_units_abbreviation_still_ends_the_sentence() -> None:
    text = ("La borne de Vannes délivre une puissance de 350 kW. Des rafales de 90 km/h ont été relevées à Brest "
            "(29) mardi.")
    claims = extract_claims(text, language="fr")
    found = sorted([(c.text, [(q["value"], q["unit"]) for q in c.quantities])
                    for c in [*claims.claims, *claims.recoverable]])
    assert found == [("Des rafales de 90 km/h ont été relevées à Brest (29) mardi.", [(90.0, "km/h")]),
                     ("La borne de Vannes délivre une puissance de 350 kW.", [(350.0, "kW")])]
    # (a figure alone in brackets after a plural noun counts it)
    [claim] = extract_claims("Le procès réunit un nombre record de parties civiles (1 200) et d'avocats (250) à Rennes.",
                             language="fr").claims
    assert [q["value"] for q in claim.quantities] == [1200.0, 250.0]


@pytest.mark.parametrize("text", [
    "Selon une enquête SondageWay pour le quotidien, 62 % des salariés approuvent la réforme.",
    "Le groupe AcierieMittal a supprimé 300 emplois en 2023 dans ses usines du Nord.",
    "La polémique du PenelopeGate a coûté 8 points au candidat en février.",
])
def test_a_name_in_camel_case_is_no_heading_glued_to_a_sentence(text: str) -> None:
    assert "\n" not in normalise(text).text


@pytest.mark.parametrize(("text", "second"), [
    ("Passé trouble de Pierre VaillancourtEnquêteur chevronné, il a publié 12 livres en 30 ans.", "Enquêteur"),
    ("Les grèves se sont étendues à toute la FranceSamedi, la cinquième journée a réuni 2000 personnes.", "Samedi"),
])
def test_a_heading_glued_to_a_sentence_still_gets_its_line(text: str, second: str) -> None:
    assert f"\n{second}" in normalise(text).text
