"""Pipeline components. Each module registers its components with
:func:`eventwire.pipeline.component`; list new modules in
``eventwire.pipeline.COMPONENT_MODULES``."""
