"""Study design, citation stance and claim support profiles (issue 13)."""
