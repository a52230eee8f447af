"""The pure core: scoring, the trust model and the message coach.

Nothing here imports Django; it takes plain data and returns plain data.
"""
