"""Pipeline components. Every module here is imported by
:func:`eventwire.pipeline.load_components` and registers its components with
:func:`eventwire.pipeline.component`; add a module, then name the component in
a pipeline config."""
