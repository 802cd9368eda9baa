"""The pre-check web page (`mbo-xbrl serve`): upload a filing, see the verdict; an OCW store overview."""
