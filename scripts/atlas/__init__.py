"""include_top Atlas: build Keras application models into records and render the site."""
