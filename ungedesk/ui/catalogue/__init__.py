"""The offers catalogue (Tilbudsvifte): its list, filters and edit dialog."""
