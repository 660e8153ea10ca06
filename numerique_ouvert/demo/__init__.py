"""Optional app: ``manage.py load_demo`` fills a site with demo content for every installed feature."""
