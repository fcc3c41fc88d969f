/**
 * Children: each child's record (names, date of birth, diagnoses, status, school, medical
 * notes, allergies, emergency contacts, insurance), the guardians (parent accounts)
 * linked to it and its care team (supervising BCBAs and technicians). Decides who may see
 * and change a child — in {@code ChildAccessPolicy}, one place — and tells other modules
 * what a user is to a child through {@link org.sparktherapy.children.Children}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Children")
package org.sparktherapy.children;
