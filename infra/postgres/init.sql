-- One database per service: no service reads another's tables.
CREATE DATABASE organization;
