"""The deadlines overview ("Frister"): what is due this week, next week and overdue."""
