"""Roles: titles, appositions, copulas and 'as' phrases that state a person's tie to a group."""
