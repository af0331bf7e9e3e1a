"""The national model for NT, QLD, SA, TAS, VIC and WA (entry point: `national_model`).

One module per part of the model, named as the ACT Act that states it: offence classes
(`classes`, ACT ss 10, sch 1-2), reporting period (`s083_094_period`), reporting obligations
(`obligations`), interstate contact (`contact`).
"""
