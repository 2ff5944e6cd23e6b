"""Importers: bring a newsroom's comment history from Disqus, WordPress or Isso into a site.

Each reader streams its export (a multi-GB file is never held in memory) and yields
`ImportedArticle` and `ImportedComment` records, or `Skipped` ones with a reason; the writer stores
them in batches, keeps the original decisions (recorded as made by "import"), rebuilds the reply
structure and skips what an earlier run imported already.
"""

from majlis.importers.records import ImportedArticle, ImportedComment, Skipped
from majlis.importers.writer import ImportSummary, import_records

SOURCES = ("disqus", "wordpress", "isso")

__all__ = ["SOURCES", "ImportSummary", "ImportedArticle", "ImportedComment", "Skipped", "import_records"]
