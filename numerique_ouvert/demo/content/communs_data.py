"""The demo's commons and public actors, as data.

Facts (names, licences, carrying structures, public addresses) are the projects' own; the use
stories that name no real administration are illustrations written for the demo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# key: (name, acronym, kind, website)
ACTORS = {
    "dinum": ("Direction interministérielle du numérique", "DINUM", "ministry",
              "https://www.numerique.gouv.fr"),
    "ditp": ("Direction interministérielle de la transformation publique", "DITP", "ministry",
             "https://www.modernisation.gouv.fr"),
    "anct": ("Agence nationale de la cohésion des territoires", "ANCT", "operator",
             "https://agence-cohesion-territoires.gouv.fr"),
    "ademe": ("Agence de la transition écologique", "ADEME", "operator", "https://www.ademe.fr"),
    "ign": ("Institut national de l'information géographique et forestière", "IGN", "operator",
            "https://www.ign.fr"),
    "education": ("Ministère de l'Éducation nationale", "", "ministry",
                  "https://www.education.gouv.fr"),
    "travail": ("Ministère du Travail", "", "ministry", "https://travail-emploi.gouv.fr"),
    "adullact": ("Association des développeurs et des utilisateurs de logiciels libres pour "
                 "les administrations et les collectivités territoriales", "ADULLACT", "association",
                 "https://adullact.org"),
}


@dataclass(frozen=True)
class Commun:
    name: str
    slug: str
    kind: str
    status: str
    licence: str
    tagline: str
    description: tuple[str, ...]
    stages: tuple[str, ...]
    tags: tuple[str, ...]
    structure: str
    website: str = ""
    repository: str = ""
    governance_url: str = ""
    contribution_url: str = ""
    forum_url: str = ""
    chat_url: str = ""
    featured: bool = False
    accelerated: bool = False  # joined the Accélérateur d'initiatives citoyennes
    # (actor key, uses/funds/contributes/hosts, note)
    relations: tuple[tuple[str, str, str], ...] = ()
    # (title, administration, year or None, story)
    uses: tuple[tuple[str, str, int | None, str], ...] = field(default_factory=tuple)


ACCELERATED = "Accompagnement par l'Accélérateur d'initiatives citoyennes"

COMMUNS = [
    Commun(
        "Open Food Facts", "open-food-facts", "data", "stable", "AGPL-3.0-only",
        "Une base de données ouverte des produits alimentaires, alimentée par ceux qui les "
        "achètent, pour aider chacun à mieux choisir.",
        ("Chacun peut photographier un produit et compléter sa fiche : ingrédients, valeurs "
         "nutritionnelles, emballages. Les données sont réutilisables par tous, des "
         "applications grand public aux travaux de recherche.",
         "Le projet élargit son périmètre à l'impact environnemental des produits."),
        ("utiliser", "cooperer"), ("données ouvertes", "alimentation", "environnement"),
        "Association Open Food Facts", website="https://world.openfoodfacts.org",
        repository="https://github.com/openfoodfacts/openfoodfacts-server",
        contribution_url="https://wiki.openfoodfacts.org",
        forum_url="https://forum.openfoodfacts.org", chat_url="https://slack.openfoodfacts.org",
        featured=True, accelerated=True,
        relations=(("ademe", "contributes", "Impact environnemental des produits, avec "
                    "Ecobalyse"), ("dinum", "funds", ACCELERATED),
                   ("ditp", "funds", "Partenaire de l'Accélérateur")),
        uses=(("Relier composition et impact environnemental", "ADEME", 2023,
               "Les fiches ouvertes des produits et la méthode publique de calcul d'impact se "
               "complètent : chacun s'appuie sur l'autre plutôt que de tout refaire."),
              ("Une pause déjeuner pour compléter la base", "Une cité administrative", 2025,
               "Une dizaine d'agents ont photographié les produits de leur cafétéria et complété "
               "leurs fiches : une façon concrète de découvrir ce qu'est un commun.")),
    ),
    Commun(
        "PrimTux", "primtux", "software", "stable", "GPL-3.0-or-later",
        "Un environnement de travail libre pour les élèves de 3 à 10 ans, qui tourne même sur "
        "des ordinateurs anciens.",
        ("Conçu par des professeurs des écoles et des passionnés d'informatique éducative, "
         "PrimTux réunit des centaines d'applications pédagogiques dans une distribution "
         "GNU/Linux adaptée à chaque âge.",),
        ("utiliser",), ("éducation", "réemploi", "distribution GNU/Linux"),
        "Communauté PrimTux (enseignants et bénévoles)", website="https://primtux.fr",
        featured=True, accelerated=True,
        relations=(("education", "uses", "Écoles du premier degré"),
                   ("dinum", "funds", ACCELERATED)),
        uses=(("Des ordinateurs remis en service", "Une école élémentaire rurale", 2024,
               "Huit postes trop anciens pour les systèmes du commerce ont retrouvé une place "
               "en classe, avec des logiciels adaptés à chaque niveau."),
              ("Une clé d'installation pour toute une circonscription",
               "Une circonscription du premier degré", 2025,
               "Les conseillers numériques ont préparé une installation commune, que chaque "
               "école déploie elle-même en une matinée.")),
    ),
    Commun(
        "uMap", "umap", "software", "stable", "AGPL-3.0-or-later",
        "Créer en quelques minutes une carte personnalisée sur fond OpenStreetMap, puis "
        "l'afficher sur son site.",
        ("Pas besoin de développeur : on ajoute des points, des tracés et des couleurs dans le "
         "navigateur, et la carte se partage ou s'intègre en une ligne. Les agents publics "
         "l'utilisent beaucoup, en administration centrale comme dans les territoires.",),
        ("utiliser", "cooperer"), ("cartographie", "OpenStreetMap"),
        "Communauté uMap, autour d'OpenStreetMap", website="https://umap-project.org",
        repository="https://github.com/umap-project/umap",
        contribution_url="https://docs.umap-project.org",
        forum_url="https://forum.openstreetmap.fr/c/utiliser/umap/29",
        chat_url="https://matrix.to/#/#umap:matrix.org",
        featured=True, accelerated=True,
        relations=(("anct", "hosts", "Instance ouverte aux agents publics"),
                   ("dinum", "funds", ACCELERATED)),
        uses=(("La carte des permanences, tenue par ceux qui les assurent", "Une préfecture",
               2024, "Chaque service met à jour ses lieux et horaires lui-même ; la carte est "
               "intégrée au site de la préfecture."),
              ("Informer sur les travaux en cours", "Une direction départementale des "
               "territoires", 2023, "Une carte des chantiers routiers, mise à jour chaque "
               "semaine, a remplacé un tableau difficile à lire.")),
    ),
    Commun(
        "Pyronear", "pyronear", "software", "beta", "Apache-2.0",
        "Repérer très tôt les départs de feux de forêt grâce à des caméras et à "
        "l'apprentissage automatique.",
        ("Des caméras peu coûteuses surveillent les massifs ; un modèle entraîné sur des images "
         "annotées signale les fumées suspectes aux personnes chargées de l'alerte.",),
        ("cooperer", "ouvrir"), ("risques naturels", "intelligence artificielle"),
        "Association Pyronear", website="https://pyronear.org",
        repository="https://github.com/pyronear", featured=True, accelerated=True,
        relations=(("dinum", "funds", ACCELERATED),),
        uses=(("Une fumée repérée avant l'alerte", "Expérimentation en Ardèche", 2022,
               "Pendant l'été de l'expérimentation, le dispositif a signalé un départ de feu "
               "environ cinq heures avant que l'alerte ne parvienne aux pompiers."),
              ("Des milliers de volontaires pour entraîner le modèle", "Avec l'ONG Bayes Impact",
               None, "En un mois, près de cent mille personnes ont annoté des images de départs de "
               "feu pour améliorer la détection.")),
    ),
    Commun(
        "La Ressourcerie", "la-ressourcerie", "documentation", "beta", "AGPL-3.0-only",
        "Un « anti-catalogue » des ressources numériques de la sphère travail, emploi et "
        "insertion, qui raconte leurs usages.",
        ("Plutôt que d'empiler des fiches, la Ressourcerie décrit comment les agents se "
         "servent des outils et met en relation ceux qui les partagent. Elle partage son "
         "format de fiches avec api.gouv.fr : une ressource ajoutée d'un côté apparaît de "
         "l'autre.",),
        ("cooperer", "ouvrir"), ("interopérabilité", "travail et emploi", "API"),
        "Ministère du Travail",
        relations=(("travail", "hosts", "Portée par la sphère travail"),
                   ("dinum", "contributes", "Format de fiches partagé avec api.gouv.fr")),
        uses=(("Un outil de reconnaissance de texte réutilisé", "Sphère travail", None,
               "En parcourant la Ressourcerie, un agent a trouvé l'outil d'océrisation d'un "
               "collègue et s'en est servi au lieu d'en commander un nouveau."),
              ("Des contenus en commun avec api.gouv.fr", "DINUM", None,
               "Grâce au format partagé, les API publiées sur api.gouv.fr enrichissent "
               "automatiquement la Ressourcerie, et inversement.")),
    ),
    Commun(
        "Tchap", "tchap", "software", "stable", "AGPL-3.0-only",
        "La messagerie instantanée des agents publics, fondée sur le protocole ouvert Matrix.",
        ("Tchap permet aux agents d'échanger en direct ou en salons, y compris avec des "
         "partenaires invités, sur un service hébergé par l'État.",),
        ("utiliser",), ("messagerie", "Matrix"), "DINUM",
        website="https://www.tchap.gouv.fr", repository="https://github.com/tchapgouv",
        relations=(("dinum", "hosts", "Service opéré pour les agents de l'État"),),
        uses=(("Une cellule de crise qui se coordonne en direct", "Une préfecture", 2024,
               "Pendant un épisode de crue, un salon partagé a réuni services de l'État, "
               "opérateurs et collectivités, sans échange de numéros personnels."),),
    ),
    Commun(
        "Démarches simplifiées", "demarches-simplifiees", "software", "stable",
        "AGPL-3.0-only",
        "Dématérialiser un formulaire administratif en quelques jours, sans développement.",
        ("Un agent construit son formulaire en ligne, le publie, puis instruit les dossiers "
         "reçus dans une interface commune à toute son équipe.",),
        ("utiliser", "ouvrir"), ("dématérialisation", "formulaires"), "DINUM",
        website="https://www.demarches-simplifiees.fr",
        repository="https://github.com/demarches-simplifiees/demarches-simplifiees.fr",
        relations=(("dinum", "hosts", "Service en ligne pour les administrations"),
                   ("adullact", "hosts", "Instance adaptée aux collectivités territoriales")),
        uses=(("Une demande de subvention entièrement en ligne", "Une direction régionale",
               2023, "Les associations déposent leur dossier en ligne ; l'équipe instruit à "
               "plusieurs et répond plus vite."),
              ("Le même outil pour les collectivités", "ADULLACT", None,
               "L'association a adapté l'outil aux besoins des collectivités, qui en profitent "
               "sans repartir de zéro.")),
    ),
]
