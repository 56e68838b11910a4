"""Writers of results: CSV, the HTML report, ClaimReview JSON-LD."""
