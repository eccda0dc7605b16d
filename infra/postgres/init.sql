-- One database per service: no service reads another's tables.
CREATE DATABASE organization;
CREATE DATABASE membership;
CREATE DATABASE activity;
CREATE DATABASE assessment;
CREATE DATABASE pairing;
CREATE DATABASE statistics;
