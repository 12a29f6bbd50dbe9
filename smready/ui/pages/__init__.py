"""The pages a user visits, one module each: start, readiness, goals, review, policy steps."""
