    path("", include("numerique_ouvert.urls")),
