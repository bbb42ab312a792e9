"""Turn articles and their BibTeX into a claim–evidence graph batch."""
