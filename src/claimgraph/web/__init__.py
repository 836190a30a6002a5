"""The web app: static files served by `claimgraph serve`, and the step that vendors their libraries."""
