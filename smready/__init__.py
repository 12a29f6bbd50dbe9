"""smready: social media readiness checklist and policy writer."""

__version__ = "0.1.0"
