"""The live parcours map: visitors place themselves on the parcours, anonymously; the portal and
each event show the aggregate as an accessible SVG and a table."""
