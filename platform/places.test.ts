import { zoneFor } from './places';

describe('the zone for a place', () => {
  it('lets regions narrow only their own country, so a zone of several countries covers the others whole', () => {
    const europe = { id: 'eu', countries: ['FR', 'DE'], regions: ['DE-BY'] };
    expect(zoneFor([europe], { country: 'FR', region: 'FR-75' })?.id).toBe('eu');
    expect(zoneFor([europe], { country: 'DE', region: 'DE-BY' })?.id).toBe('eu');
    expect(zoneFor([europe], { country: 'DE', region: 'DE-BE' })).toBeNull();
  });
});
