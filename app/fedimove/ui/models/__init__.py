"""Qt item models the wizard's pages show (each tested alone)."""
